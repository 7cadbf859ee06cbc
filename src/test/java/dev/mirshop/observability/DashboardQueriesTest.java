package dev.mirshop.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mirshop.testing.Tools;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The dashboards and alerts work against the real shop: drives a shopper journey, runs a real Prometheus
 * (Debian's prometheus package) scraping this test app's /q/metrics, a postgres_exporter (Debian's
 * prometheus-postgres-exporter) reading the app's PostgreSQL and, in YACE's place (no AWS here), the page YACE would
 * serve for our configuration (CloudWatchExporter: its names and labels, the ServiceMonitor's relabelling), loading
 * the alert rules (every group evaluated every second), then sends every dashboard panel and annotation query and every alert expression to Prometheus' HTTP
 * API. Any invalid query fails; any panel of the MUST_HAVE_SERIES dashboards without series fails, unless all of
 * its data comes from a journey step this build does not have yet, or it needs a week of history (printed as such).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesTest {

    static final List<String> MUST_HAVE_SERIES = List.of("shop-overview.json", "dependencies.json", "business.json", "slo.json",
            "postgresql.json");
    /** Every dashboard. postgresql.json reads a real postgres_exporter (Debian's) pointed at the test's PostgreSQL. */
    static final List<String> DASHBOARDS = List.of("shop-overview.json", "dependencies.json", "business.json",
            "web-vitals.json", "jvm-database.json", "slo.json", "postgresql.json");
    /** History this Prometheus, minutes old, cannot have. */
    static final Pattern NEEDS_HISTORY = Pattern.compile("offset 1w");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process prometheus;
    private Process postgresExporter;
    private com.sun.net.httpserver.HttpServer cloudWatchExporter;
    private Path workDir;
    private String prometheusUrl;
    private Set<String> absentSteps;

    /** Once per class, from the first test (RestAssured knows the app's random port only inside a test). */
    private void startPrometheusAfterAJourney() throws Exception {
        if (prometheus != null) {
            return;
        }
        Path binary = Tools.prometheus();
        List<ShopperJourney.Step> steps = new ShopperJourney().run();
        absentSteps = steps.stream().filter(s -> !s.present()).map(ShopperJourney.Step::name).collect(Collectors.toSet());
        steps.stream().filter(s -> !s.present()).forEach(s -> System.out.println("[journey] absent: " + s.name() + " (" + s.note() + ")"));

        workDir = Files.createTempDirectory("mir-shop-prometheus");
        int port = freePort();
        int exporterPort = startPostgresExporter();
        int yacePort = startCloudWatchExporter();
        prometheusUrl = "http://127.0.0.1:" + port;
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: mir-shop
                    honor_labels: true
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                  - job_name: postgres
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                  - job_name: yace
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                    metric_relabel_configs:
                %s
                """.formatted(everyGroupEverySecond(), RestAssured.port, exporterPort, yacePort, serviceMonitorMetricRelabelings()));
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1h")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> prometheus.isAlive() && ready());
        // Traffic between scrapes, so counters move while Prometheus watches.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            given().get("/").then().statusCode(200);
            return !query("count_over_time(up{job=\"mir-shop\"}[1m]) >= 6").get("data").get("result").isEmpty();
        });
        new ShopperJourney().run();
        // Every recording rule, the 30-day budget included, has been evaluated at least once since the journey.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !query("mir_shop:availability_budget_remaining:ratio30d").get("data").get("result").isEmpty()
                        && !query("mir_shop:alert_links:info").get("data").get("result").isEmpty()
                        && !query("pg_up == 1").get("data").get("result").isEmpty()
                        && !query("mir_shop:lb_errors:rate5m{env=\"local\"}").get("data").get("result").isEmpty()
                        // a scrape after the journey's order: its counters are in Prometheus
                        && !query("sum(shop_orders_placed_total) > 0").get("data").get("result").isEmpty());
        assertThat(query("up{job=\"mir-shop\"}").get("data").get("result").get(0).get("value").get(1).asText()).isEqualTo("1");
    }

    /** postgres_exporter on loopback, reading the PostgreSQL this test's application uses. */
    private int startPostgresExporter() throws IOException {
        Path binary = Tools.postgresExporter();
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        URI jdbc = URI.create(config.getValue("quarkus.datasource.jdbc.url", String.class).substring("jdbc:".length()));
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        String dataSource = "postgresql://" + URLEncoder.encode(user, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@" + jdbc.getHost() + ":" + jdbc.getPort()
                + jdbc.getPath() + "?sslmode=disable";
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("postgres_exporter.log").toFile());
        builder.environment().put("DATA_SOURCE_NAME", dataSource);
        postgresExporter = builder.start();
        return port;
    }

    /** The page YACE would serve (env local, like the app's metrics), on loopback. */
    private int startCloudWatchExporter() throws IOException {
        byte[] page = CloudWatchExporter.exposition("local").getBytes(StandardCharsets.UTF_8);
        cloudWatchExporter = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        cloudWatchExporter.createContext("/metrics", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, page.length);
            try (var body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        cloudWatchExporter.start();
        return cloudWatchExporter.getAddress().getPort();
    }

    /** The YACE ServiceMonitor's metricRelabelings (Prometheus Operator camelCase) as Prometheus metric_relabel_configs. */
    static String serviceMonitorMetricRelabelings() {
        StringBuilder out = new StringBuilder();
        for (JsonNode relabel : CloudWatchExporter.values().path("serviceMonitor").path("metricRelabelings")) {
            List<String> sources = new ArrayList<>();
            relabel.path("sourceLabels").forEach(l -> sources.add(l.asText()));
            out.append("      - source_labels: [").append(String.join(", ", sources)).append("]\n")
                    .append("        regex: '").append(relabel.path("regex").asText("(.*)")).append("'\n")
                    .append("        target_label: ").append(relabel.path("targetLabel").asText()).append('\n')
                    .append("        action: ").append(relabel.path("action").asText("replace")).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterAll
    void stopPrometheus() throws Exception {
        if (cloudWatchExporter != null) {
            cloudWatchExporter.stop(0);
        }
        if (postgresExporter != null) {
            postgresExporter.destroy();
            postgresExporter.waitFor(10, TimeUnit.SECONDS);
        }
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (workDir != null) {
            try (var files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everyPanelQueryIsValidAndDashboardsOneToThreeHaveSeries() throws Exception {
        startPrometheusAfterAJourney();
        Map<String, String> stepOfMetric = MetricsDoc.rows().stream()
                .collect(Collectors.toMap(MetricsDoc.Row::name, MetricsDoc.Row::step, (a, b) -> a));
        List<String> problems = new ArrayList<>();
        int queries = 0;
        for (String dashboard : DASHBOARDS) {
            JsonNode root = json.readTree(Path.of("grafana-dashboards", dashboard).toFile());
            for (JsonNode annotation : root.path("annotations").path("list")) {
                if (annotation.has("expr")) {
                    JsonNode answer = query(substitute(annotation.get("expr").asText()));
                    queries++;
                    if (!"success".equals(answer.path("status").asText())) {
                        problems.add(dashboard + " / annotation " + annotation.path("name").asText() + ": invalid query: "
                                + answer.path("error").asText());
                    }
                }
            }
            for (JsonNode panel : root.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    String expr = substitute(target.get("expr").asText());
                    JsonNode answer = query(expr);
                    queries++;
                    String where = dashboard + " / " + panel.get("title").asText() + " / " + target.get("refId").asText();
                    if (!"success".equals(answer.path("status").asText())) {
                        problems.add(where + ": invalid query: " + answer.path("error").asText() + "\n    " + expr);
                        continue;
                    }
                    boolean mustHaveSeries = MUST_HAVE_SERIES.contains(dashboard);
                    if (mustHaveSeries && answer.get("data").get("result").isEmpty() && NEEDS_HISTORY.matcher(expr).find()) {
                        System.out.println("[dashboards] no series, needs more history than this test has: " + where);
                    } else if (mustHaveSeries && answer.get("data").get("result").isEmpty()) {
                        List<String> excusedBy = stepOfMetric.entrySet().stream()
                                .filter(e -> absentSteps.contains(e.getValue()) && mentions(expr, e.getKey()))
                                .map(e -> e.getKey() + " (journey step " + e.getValue() + " absent)").toList();
                        if (excusedBy.isEmpty()) {
                            problems.add(where + ": no series\n    " + expr);
                        } else {
                            System.out.println("[dashboards] no series yet, excused: " + where + " <- " + excusedBy);
                        }
                    }
                }
            }
        }
        assertThat(queries).isGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyAlertExpressionIsValidInPrometheus() throws Exception {
        startPrometheusAfterAJourney();
        List<String> expressions = AlertRulesTest.expressions();
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(28);
        List<String> problems = new ArrayList<>();
        for (String expr : expressions) {
            JsonNode answer = query(expr);
            if (!"success".equals(answer.path("status").asText())) {
                problems.add(answer.path("error").asText() + "\n    " + expr);
            }
        }
        assertThat(problems).isEmpty();
        JsonNode groups = get("/api/v1/rules").get("data").get("groups");
        assertThat(groups).as("rule groups loaded by Prometheus").hasSize(5);
        for (JsonNode group : groups) {
            for (JsonNode rule : group.get("rules")) {
                assertThat(rule.path("health").asText()).as(rule.get("name").asText() + ": " + rule.path("lastError").asText())
                        .isNotEqualTo("err");
            }
        }
    }

    @Test
    void theShopsOwnMetricsAreQueryableWithTheirCommonLabels() throws Exception {
        startPrometheusAfterAJourney();
        JsonNode result = query("sum by (service, env) (shop_orders_placed_total)").get("data").get("result");
        assertThat(result).hasSize(1);
        assertThat(result.get(0).get("metric").get("service").asText()).isEqualTo("all");
        assertThat(result.get(0).get("metric").get("env").asText()).isEqualTo("local");
        JsonNode routes = query("sum by (uri) (http_server_requests_seconds_count)").get("data").get("result");
        List<String> uris = new ArrayList<>();
        routes.forEach(r -> uris.add(r.get("metric").get("uri").asText()));
        assertThat(uris).contains("root").allMatch(u -> !u.contains("no-such-product"));
    }

    /** The rule file with every group evaluated every second, so recorded series exist minutes after start. */
    private Path everyGroupEverySecond() throws IOException {
        String rules = Files.readString(AlertRulesTest.RULES).replaceAll("(?m)^  interval: \\S+$", "  interval: 1s");
        return Files.writeString(workDir.resolve("mir-shop.rules.yml"), rules);
    }

    static String substitute(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__range", "5m").replace("$__interval", "15s")
                .replace("$service", ".*").replace("$env", ".*").replace("$template", ".*").replace("$datname", ".*");
    }

    static boolean mentions(String expr, String metric) {
        String base = metric.replaceAll("_(count|bucket|sum)$", "");
        return Pattern.compile("\\b" + Pattern.quote(base) + "(_count|_bucket|_sum)?\\b").matcher(expr).find();
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(prometheusUrl + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private JsonNode query(String promql) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(prometheusUrl + "/api/v1/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .build();
        return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
