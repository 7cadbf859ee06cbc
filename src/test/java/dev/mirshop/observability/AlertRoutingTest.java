package dev.mirshop.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.mirshop.testing.Tools;

/**
 * Alert routing as the cluster's Alertmanager will see it (issue 14 defect 10, issue 19 "Routing").
 * {@link #render} turns kubernetes/base/monitoring/alertmanagerconfig.yaml into Alertmanager configuration the
 * way prometheus-operator v0.82.2 (kube-prometheus-stack 72.6.2) does in pkg/alertmanager/amcfg.go: receivers and
 * routes prefixed {@code <namespace>/<name>/}, the first-level route forced to {@code continue: true} and put before
 * the routes of the chart's own configuration, and no namespace matcher (alertmanagerConfigMatcherStrategy None).
 * The chart's configuration is the {@code alertmanager.config} of kube-prometheus-stack.yaml. Then amtool (Debian
 * prometheus-alertmanager) checks it and tests the routing tree, and a real Alertmanager shows the inhibitions.
 * Secrets become loopback placeholders, so the Alertmanager started here never sends anything off this machine.
 */
class AlertRoutingTest {

    static final Path ALERTMANAGER_CONFIG = Path.of("kubernetes/base/monitoring/alertmanagerconfig.yaml");
    static final Path STACK = Path.of("kubernetes/platform/base/addons/kube-prometheus-stack.yaml");
    static final String MIR_SHOP = "monitoring/mir-shop/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void amtoolAcceptsTheConfigurationTheOperatorWouldWrite() throws Exception {
        Path config = write(render(deadPort()));
        String out = run(amtool().toString(), "check-config", config.toString());
        assertThat(out).contains("SUCCESS").contains("4 receivers").contains("10 inhibit rules");
    }

    @Test
    void watchdogAndTheClustersOtherAlertsNeverReachTheShopsReceivers() throws Exception {
        Path config = write(render(deadPort()));
        assertThat(routes(config, "alertname=Watchdog", "severity=none")).isEqualTo("null");
        assertThat(routes(config, "alertname=KubePodCrashLooping", "namespace=ecommerce", "severity=warning")).isEqualTo("null");
        assertThat(routes(config, "alertname=KubeCPUOvercommit", "severity=critical")).isEqualTo("null");
    }

    @Test
    void pagesGoToThePagerAndSlackAndTicketsByEmail() throws Exception {
        Path config = write(render(deadPort()));
        assertThat(routes(config, "alertname=MirShopStorefrontDown", "team=mir-shop", "severity=critical", "service=storefront"))
                .isEqualTo(MIR_SHOP + "pager-critical," + MIR_SHOP + "slack-critical");
        assertThat(routes(config, "alertname=MirShopDatabasePoolSaturated", "team=mir-shop", "severity=warning", "env=prod"))
                .isEqualTo(MIR_SHOP + "email-warnings");
    }

    @Test
    void groupsByAlertEnvironmentAndServiceAndReadsThePagerKeyFromASecret() throws IOException {
        JsonNode spec = YAML.readTree(ALERTMANAGER_CONFIG.toFile()).path("spec");
        assertThat(spec.path("route").path("groupBy")).extracting(JsonNode::asText).containsExactly("alertname", "env", "service");
        JsonNode pager = spec.path("receivers").get(0);
        assertThat(pager.path("name").asText()).isEqualTo("pager-critical");
        assertThat(pager.path("pagerdutyConfigs").get(0).path("routingKey").path("name").asText()).isEqualTo("alertmanager-pagerduty");
        assertThat(Files.readString(Path.of("docs/deploy.md")).contains("alertmanager-pagerduty")
                || Files.readString(Path.of("docs/observability.md")).contains("alertmanager-pagerduty"))
                .as("the pager Secret is documented").isTrue();
        JsonNode stack = YAML.readTree(STACK.toFile()).path("spec").path("source").path("helm").path("valuesObject");
        assertThat(stack.path("alertmanager").path("alertmanagerSpec").path("alertmanagerConfigMatcherStrategy").path("type").asText())
                .as("render() assumes the operator adds no namespace matcher").isEqualTo("None");
    }

    @Test
    void aRealAlertmanagerMutesTheCausesThatAnOutageExplains() throws Exception {
        Path binary = Tools.alertmanager();
        Path config = write(render(deadPort()));
        int port = deadPort();
        String url = "http://127.0.0.1:" + port;
        Process alertmanager = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            // The fast burn mutes the slow one of the same SLO; another SLO's slow burn stays.
            post(http, url, alert("MirShopAvailabilityBudgetBurnFast", "critical", "service", "storefront", "env", "prod"),
                    alert("MirShopAvailabilityBudgetBurnSlow", "warning", "service", "storefront", "env", "prod"),
                    alert("MirShopLatencyBudgetBurnSlow", "warning", "service", "storefront", "env", "prod"),
                    alert("Watchdog", "none"));
            awaitStates(http, url, Map.of("MirShopAvailabilityBudgetBurnSlow", "suppressed",
                    "MirShopAvailabilityBudgetBurnFast", "active", "MirShopLatencyBudgetBurnSlow", "active"));
            JsonNode watchdog = alerts(http, url).stream().filter(a -> a.path("labels").path("alertname").asText().equals("Watchdog"))
                    .findFirst().orElseThrow();
            assertThat(watchdog.path("receivers").findValuesAsText("name")).containsExactly("null");

            // The ads service down: its breaker, fallback and 5xx tickets are muted, those of discounts are not.
            post(http, url, alert("MirShopAdServiceDown", "warning", "service", "ads"),
                    alert("MirShopCircuitBreakerOpen", "warning", "service", "storefront", "env", "prod",
                            "method", "dev.mirshop.storefront.clients.AdClient.adFor"),
                    alert("MirShopFallbackRateHigh", "warning", "service", "storefront", "env", "prod",
                            "method", "dev.mirshop.storefront.clients.DiscountClient.teaser"),
                    alert("MirShopHigh5xxRatio", "warning", "service", "ads", "env", "prod"));
            awaitStates(http, url, Map.of("MirShopCircuitBreakerOpen", "suppressed", "MirShopHigh5xxRatio", "suppressed",
                    "MirShopFallbackRateHigh", "active", "MirShopAdServiceDown", "active"));

            // The storefront gone: one page; the probe, no-orders and SLO pages it explains are muted.
            post(http, url, alert("MirShopStorefrontDown", "critical", "service", "storefront"),
                    alert("MirShopProbeFailing", "critical", "job", "mir-shop-public"),
                    alert("MirShopNoOrders", "critical", "env", "prod"));
            awaitStates(http, url, Map.of("MirShopStorefrontDown", "active", "MirShopProbeFailing", "suppressed",
                    "MirShopNoOrders", "suppressed", "MirShopAvailabilityBudgetBurnFast", "suppressed"));
        } finally {
            alertmanager.destroy();
            if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
                alertmanager.destroyForcibly();
            }
        }
    }

    // --- rendering, as prometheus-operator v0.82.2 does it ---------------------------------------------------------

    /** The Alertmanager configuration: the chart's, with the shop's AlertmanagerConfig in front. */
    static Map<String, Object> render(int loopbackPort) throws IOException {
        JsonNode values = YAML.readTree(STACK.toFile()).path("spec").path("source").path("helm").path("valuesObject");
        @SuppressWarnings("unchecked")
        Map<String, Object> config = JSON.convertValue(values.path("alertmanager").path("config"), LinkedHashMap.class);
        assertThat(config).as("alertmanager.config in " + STACK).isNotNull().containsKeys("route", "receivers");
        JsonNode object = YAML.readTree(ALERTMANAGER_CONFIG.toFile());
        String prefix = object.path("metadata").path("namespace").asText() + "/" + object.path("metadata").path("name").asText() + "/";
        JsonNode spec = object.path("spec");

        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) config.get("route");
        List<Object> routes = new ArrayList<>();
        Map<String, Object> shopRoute = route(spec.path("route"), prefix);
        shopRoute.put("continue", true);
        routes.add(shopRoute);
        if (root.get("routes") instanceof List<?> chartRoutes) {
            routes.addAll(chartRoutes);
        }
        root.put("routes", routes);

        List<Object> receivers = new ArrayList<>((List<?>) config.get("receivers"));
        for (JsonNode receiver : spec.path("receivers")) {
            receivers.add(receiver(receiver, prefix, loopbackPort));
        }
        config.put("receivers", receivers);

        List<Object> inhibitRules = new ArrayList<>(config.get("inhibit_rules") instanceof List<?> l ? l : List.of());
        for (JsonNode rule : spec.path("inhibitRules")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("source_matchers", matchers(rule.path("sourceMatch")));
            out.put("target_matchers", matchers(rule.path("targetMatch")));
            out.put("equal", texts(rule.path("equal")));
            inhibitRules.add(out);
        }
        config.put("inhibit_rules", inhibitRules);
        config.remove("templates");
        return config;
    }

    private static Map<String, Object> route(JsonNode in, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> known = Set.of("receiver", "matchers", "groupBy", "groupWait", "groupInterval", "repeatInterval", "continue", "routes");
        in.fieldNames().forEachRemaining(f -> assertThat(known).as("route field " + f + " is rendered").contains(f));
        if (in.has("receiver")) {
            out.put("receiver", prefix + in.path("receiver").asText());
        }
        if (in.has("groupBy")) {
            out.put("group_by", texts(in.path("groupBy")));
        }
        copy(in, "groupWait", out, "group_wait");
        copy(in, "groupInterval", out, "group_interval");
        copy(in, "repeatInterval", out, "repeat_interval");
        if (in.has("matchers")) {
            out.put("matchers", matchers(in.path("matchers")));
        }
        if (in.path("continue").asBoolean()) {
            out.put("continue", true);
        }
        if (in.has("routes")) {
            List<Object> children = new ArrayList<>();
            in.path("routes").forEach(child -> children.add(route(child, prefix)));
            out.put("routes", children);
        }
        return out;
    }

    /** monitoringv1alpha1.Matcher.String(): name, match type, Go-quoted value. */
    private static List<String> matchers(JsonNode matchers) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : matchers) {
            String type = m.path("matchType").asText();
            assertThat(type).as("matchType of " + m).isIn("=", "!=", "=~", "!~");
            String value = m.path("value").asText().replace("\\", "\\\\").replace("\"", "\\\"");
            out.add(m.path("name").asText() + type + "\"" + value + "\"");
        }
        return out;
    }

    private static Map<String, Object> receiver(JsonNode in, String prefix, int port) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", prefix + in.path("name").asText());
        Iterator<String> kinds = in.fieldNames();
        while (kinds.hasNext()) {
            String kind = kinds.next();
            if (kind.equals("name")) {
                continue;
            }
            List<Object> configs = new ArrayList<>();
            for (JsonNode c : in.path(kind)) {
                Map<String, Object> conf = new LinkedHashMap<>();
                switch (kind) {
                    case "pagerdutyConfigs" -> {
                        assertThat(c.path("routingKey").path("name").asText()).as("PagerDuty routing key from a Secret").isNotEmpty();
                        conf.put("routing_key", "secret-" + c.path("routingKey").path("key").asText());
                        conf.put("url", "http://127.0.0.1:" + port + "/pagerduty");
                        copyAll(c, conf, Set.of("routingKey"), Map.of("sendResolved", "send_resolved", "severity", "severity",
                                "description", "description"));
                        if (c.has("details")) {
                            Map<String, String> details = new LinkedHashMap<>();
                            c.path("details").forEach(d -> details.put(d.path("key").asText(), d.path("value").asText()));
                            conf.put("details", details);
                        }
                    }
                    case "slackConfigs" -> {
                        assertThat(c.path("apiURL").path("name").asText()).as("Slack webhook from a Secret").isNotEmpty();
                        conf.put("api_url", "http://127.0.0.1:" + port + "/slack");
                        copyAll(c, conf, Set.of("apiURL"), Map.of("channel", "channel", "sendResolved", "send_resolved",
                                "title", "title", "titleLink", "title_link", "text", "text"));
                    }
                    case "emailConfigs" -> {
                        assertThat(c.path("authPassword").path("name").asText()).as("SMTP password from a Secret").isNotEmpty();
                        conf.put("auth_password", "secret-" + c.path("authPassword").path("key").asText());
                        conf.put("smarthost", "127.0.0.1:" + port);
                        copyAll(c, conf, Set.of("authPassword", "smarthost"), Map.of("to", "to", "from", "from",
                                "requireTLS", "require_tls", "authUsername", "auth_username", "sendResolved", "send_resolved"));
                    }
                    default -> throw new AssertionError("receiver kind " + kind + " is not rendered by this test yet");
                }
                configs.add(conf);
            }
            out.put(kind.replace("pagerdutyConfigs", "pagerduty_configs").replace("slackConfigs", "slack_configs")
                    .replace("emailConfigs", "email_configs"), configs);
        }
        return out;
    }

    private static void copyAll(JsonNode in, Map<String, Object> out, Set<String> handled, Map<String, String> names) {
        in.fieldNames().forEachRemaining(f -> {
            if (handled.contains(f) || f.equals("details")) {
                return;
            }
            assertThat(names).as("receiver field " + f + " is rendered").containsKey(f);
            JsonNode v = in.path(f);
            out.put(names.get(f), v.isBoolean() ? (Object) v.asBoolean() : v.asText());
        });
    }

    private static void copy(JsonNode in, String field, Map<String, Object> out, String name) {
        if (in.has(field)) {
            out.put(name, in.path(field).asText());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // --- tools ---------------------------------------------------------------------------------------------------

    private Path write(Map<String, Object> config) throws IOException {
        Path file = dir.resolve("alertmanager.yml");
        YAML.writeValue(file.toFile(), config);
        return file;
    }

    private static Path amtool() {
        return Tools.amtool();
    }

    private static String routes(Path config, String... labels) throws Exception {
        List<String> command = new ArrayList<>(List.of(amtool().toString(), "config", "routes", "test", "--config.file=" + config));
        command.addAll(List.of(labels));
        // amtool warns on stdout that --config.file overrides --alertmanager.url; the answer is the last line.
        List<String> lines = run(command.toArray(String[]::new)).strip().lines().toList();
        return lines.get(lines.size() - 1).strip();
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = process.waitFor(1, TimeUnit.MINUTES);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as(String.join(" ", command) + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }

    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ObjectNode alert(String name, String severity, String... labels) {
        ObjectNode alert = JSON.createObjectNode();
        ObjectNode l = alert.putObject("labels");
        l.put("alertname", name).put("severity", severity);
        if (name.startsWith("MirShop")) {
            l.put("team", "mir-shop");
        }
        for (int i = 0; i < labels.length; i += 2) {
            l.put(labels[i], labels[i + 1]);
        }
        return alert;
    }

    private static void post(HttpClient http, String url, ObjectNode... alerts) throws Exception {
        ArrayNode body = JSON.createArrayNode();
        for (ObjectNode a : alerts) {
            body.add(a);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<JsonNode> alerts(HttpClient http, String url) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v2/alerts")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(body).forEach(out::add);
        return out;
    }

    private static void awaitStates(HttpClient http, String url, Map<String, String> expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Map<String, String> states = new LinkedHashMap<>();
            for (JsonNode a : alerts(http, url)) {
                states.put(a.path("labels").path("alertname").asText(), a.path("status").path("state").asText());
            }
            assertThat(states).containsAllEntriesOf(expected);
        });
    }
}
