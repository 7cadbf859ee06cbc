package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirshop.testing.Tools;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The production image, proven here: built the way the release builds it ({@link ShopImage}), run as the three
 * roles of the rendered prod overlay ({@link RenderedPod}: env, user, read-only root filesystem, emptyDir mounts,
 * dropped capabilities, memory limit, probe paths) with podman on the host network, against a real PostgreSQL set
 * up like RDS ({@link HostPostgres}). A shopper goes through the "load balancer" (the rendered Ingress's routes)
 * from the home page to a placed order with a discount code; the ad and discount services answer; /q/metrics of
 * each role has the names docs/metrics.md promises; nothing is written outside the emptyDir mounts.
 *
 * Demo data is off in prod, so the test does what an operator does: it loads a catalog into the storefront's
 * schema (the demo catalog script), creates a discount code and a live campaign through the services' APIs with
 * the service token.
 *
 * One setting differs from the overlay, on purpose: SHOP_FAULTS_ENABLED=true with a fault declared per service, which
 * the production artifact must ignore (issue 16: the prod build refuses faults; the journey would fail otherwise).
 */
class ProductionImageTest {

    private static final List<String> ROLES = List.of("storefront", "discounts", "ads");
    private static final String CODE = "IMAGETEST10";
    private static final Pattern TEMPLATE_VALUE = Pattern.compile("\\{\\{\\s*\\.([A-Za-z0-9_]+)\\s*}}");
    private static final Pattern METRIC_ROW = Pattern.compile("^\\|\\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`[^|]*\\|.*\\|\\s*([a-z-]+)\\s*\\|\\s*$");

    /** A fault of each service that, were it on, would break the shopper's journey (payment, code, ads API). */
    private static final Map<String, String> FAULT_OF = Map.of("storefront", "payment-declining", "discounts",
            "discounts-down", "ads", "ads-failing");

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> containers = new LinkedHashMap<>();
    private final String serviceToken = UUID.randomUUID().toString().replace("-", "");
    private Path podman;
    private Path runc;

    @Test
    void theProductionImageRunsAsTheProdOverlaySaysAndServesAShopperJourney() throws Exception {
        podman = Tools.podman();
        runc = Tools.runc();
        Tools.postgresqlBin();
        Tools.openssl();
        List<ObjectNode> prod = DeliveryManifestsTest.overlay("prod");
        Map<String, RenderedPod> pods = new LinkedHashMap<>();
        for (String role : ROLES) {
            pods.put(role, RenderedPod.of(prod, role));
            ports.put(role, HostPostgres.freePort());
        }

        long start = System.nanoTime();
        Path work = Repo.path("target/production-image");
        // -Ddelivery.image=<local image> reuses an image built by an earlier run (-Ddelivery.keepImage=true) while
        // working on this test; CI always builds.
        String reuse = System.getProperty("delivery.image", "");
        String image = reuse.isEmpty() ? ShopImage.build(work) : reuse;
        Files.createDirectories(work);
        long built = System.nanoTime();
        try (HostPostgres pg = HostPostgres.start(databaseName(prod), rdsMasterUser());
             OtlpReceiver otlp = OtlpReceiver.listen(otlpPort(pods.get("storefront"), prod))) {
            try {
                // One after the other, as a rolling start would: three JVMs starting at once on a shared two-core
                // machine take longer than the pool's 5 s to open a TLS connection.
                for (String role : List.of("discounts", "ads", "storefront")) {
                    startContainer(image, pods.get(role), prod, pg, work);
                    awaitProbes(pods.get(role));
                }
                long running = System.nanoTime();
                journey(prod, pg);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(otlp.http2Connections())
                        .as("trace exports reaching the OTLP endpoint the datadog component sets").isPositive());
                for (RenderedPod pod : pods.values()) {
                    checkFaultsRefused(pod.role());
                    checkMetrics(pod.role());
                    checkNothingWritten(pod);
                }
                System.out.printf("ProductionImageTest: image built in %d s, containers ready in %d s, journey and checks %d s%n",
                        (built - start) / 1_000_000_000L, (running - built) / 1_000_000_000L,
                        (System.nanoTime() - running) / 1_000_000_000L);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + logs(), e);
            } finally {
                containers.values().forEach(c -> Tools.run(work, 120, List.of(podman.toString(), "rm", "-f", "-t", "5", c)));
            }
        } finally {
            if (!Boolean.getBoolean("delivery.keepImage") && reuse.isEmpty()) {
                Tools.run(work, 120, List.of(podman.toString(), "rmi", "-f", image));
            }
        }
    }

    private void startContainer(String image, RenderedPod pod, List<ObjectNode> objects, HostPostgres pg, Path work) throws IOException {
        Map<String, String> env = hostNetworked(pod.environment(objects, name -> secret(objects, name, pg, serviceToken),
                Map.of("status.hostIP", "127.0.0.1", "status.podIP", "127.0.0.1", "metadata.name", pod.role())), objects);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(pod.role())));
        assertThat(env).as("environment of " + pod.role()).containsEntry("SHOP_ROLE", pod.role())
                .containsEntry("SHOP_FAULTS_ENABLED", "false");
        // The one setting changed on purpose (issue 16): the production artifact refuses faults even when a
        // misconfiguration enables them and declares one that would break the journey below.
        env.put("SHOP_FAULTS_ENABLED", "true");
        env.put("SHOP_FAULTS", FAULT_OF.get(pod.role()) + ":100:15m");
        Path envFile = work.resolve(pod.role() + ".env");
        StringBuilder lines = new StringBuilder();
        env.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        Files.writeString(envFile, lines);

        assertThat(pod.runAsNonRoot()).as(pod.role() + " runs as non-root").isTrue();
        assertThat(pod.runAsUser()).as(pod.role() + " user").isPositive();
        List<String> run = new ArrayList<>(List.of(podman.toString(), "--runtime", runc.toString(), "run", "-d",
                "--name", "mir-shop-image-test-" + pod.role() + "-" + UUID.randomUUID().toString().substring(0, 8),
                "--network", "host", "--ulimit", "nproc=4096:4096", "--ulimit", "nofile=4096:4096",
                "--user", pod.runAsUser() + ":" + pod.runAsGroup(), "--env-file", envFile.toString()));
        if (pod.readOnlyRootFilesystem()) {
            run.addAll(List.of("--read-only", "--read-only-tmpfs=false"));
        }
        for (RenderedPod.EmptyDir dir : pod.emptyDirs()) {
            run.addAll(List.of("--tmpfs", dir.mountPath() + (dir.sizeLimit().isEmpty() ? "" : ":size=" + RenderedPod.bytes(dir.sizeLimit()))));
        }
        for (String cap : pod.droppedCapabilities()) {
            run.addAll(List.of("--cap-drop", cap));
        }
        if (!pod.allowPrivilegeEscalation()) {
            run.addAll(List.of("--security-opt", "no-new-privileges"));
        }
        if (!pod.memoryLimit().isEmpty()) {
            run.addAll(List.of("--memory", RenderedPod.bytes(pod.memoryLimit())));
        }
        run.add(image);
        containers.put(pod.role(), Tools.check(work, 120, run).stdout().trim());
    }

    /**
     * Services have their own addresses in a cluster; on the host network each role has its own port, so a URL
     * naming a Service (http://discounts.ecommerce.svc.cluster.local:8080) points at the port of the role the
     * Service selects.
     */
    private Map<String, String> hostNetworked(Map<String, String> env, List<ObjectNode> objects) {
        Map<String, String> result = new LinkedHashMap<>(env);
        for (ObjectNode service : DeliveryManifestsTest.ofKind(objects, "Service")) {
            String name = service.path("metadata").path("name").asText();
            String ns = service.path("metadata").path("namespace").asText();
            String role = service.path("spec").path("selector").path("app.kubernetes.io/component").asText();
            if (!ports.containsKey(role)) {
                continue;
            }
            for (JsonNode port : service.path("spec").path("ports")) {
                for (String host : List.of(name + "." + ns + ".svc.cluster.local", name + "." + ns + ".svc", name)) {
                    String from = "//" + host + ":" + port.path("port").asInt();
                    result.replaceAll((k, v) -> v.replace(from, "//127.0.0.1:" + ports.get(role)));
                }
            }
        }
        return result;
    }

    /**
     * Secrets as the cluster would hold them: those made by an ExternalSecret are rendered from its template with
     * what AWS Secrets Manager holds here (the RDS master user secret is the local server's user and password,
     * any other property a recognisable test value), the one created by hand is what docs/deploy.md says to create.
     */
    static Map<String, String> secret(List<ObjectNode> objects, String name, HostPostgres pg, String serviceToken) {
        for (ObjectNode external : DeliveryManifestsTest.ofKind(objects, "ExternalSecret")) {
            JsonNode spec = external.path("spec");
            if (!spec.path("target").path("name").asText(external.path("metadata").path("name").asText()).equals(name)) {
                continue;
            }
            String key = spec.path("dataFrom").path(0).path("extract").path("key").asText();
            Map<String, String> data = new LinkedHashMap<>();
            spec.path("target").path("template").path("data").fields().forEachRemaining(f -> {
                Matcher m = TEMPLATE_VALUE.matcher(f.getValue().asText());
                StringBuilder value = new StringBuilder();
                while (m.find()) {
                    String property = m.group(1);
                    String replacement = !key.contains("rds!db-") ? "image-test-" + property
                            : property.equals("username") ? pg.user : property.equals("password") ? pg.password
                            : fail("the RDS master user secret has no property " + property);
                    m.appendReplacement(value, Matcher.quoteReplacement(replacement));
                }
                m.appendTail(value);
                String v = value.toString();
                data.put(f.getKey(), v.startsWith("jdbc:postgresql://") ? pg.jdbcUrl(v) : v);
            });
            return data;
        }
        if (name.equals("mir-shop-app")) {
            return Map.of("SHOP_SERVICE_TOKEN", serviceToken, "SHOP_BOOTSTRAP_MARKETER_EMAIL", "ops@example.com",
                    "SHOP_BOOTSTRAP_MARKETER_PASSWORD", UUID.randomUUID().toString());
        }
        return null;
    }

    private void awaitProbes(RenderedPod pod) {
        String base = "http://127.0.0.1:" + ports.get(pod.role());
        await().atMost(Duration.ofSeconds(pod.startupSeconds())).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(running(pod.role())).as(pod.role() + " container is running").isTrue();
                    return status(base + pod.probePath("startupProbe")) == 200;
                });
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> status(base + pod.probePath(probe)) == 200);
        }
        String logs = Tools.run(Repo.root(), 60, List.of(podman.toString(), "logs", containers.get(pod.role()))).output();
        assertThat(logs).as(pod.role() + " starts with the prod profile and JSON logs").contains("Profile prod activated")
                .contains("{\"timestamp\":")
                .as(pod.role() + ": every setting of the rendered pod takes effect (none is fixed at build time)")
                .doesNotContain("Build time property cannot be changed at runtime");
    }

    private boolean running(String role) {
        return Tools.run(Repo.root(), 60, List.of(podman.toString(), "inspect", "-f", "{{.State.Running}}",
                containers.get(role))).stdout().trim().equals("true");
    }

    private static int status(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String url(String role) {
        return "http://127.0.0.1:" + ports.get(role);
    }

    private void journey(List<ObjectNode> objects, HostPostgres pg) throws IOException {
        Path catalog = pg.scratch().resolve("catalog.sql");
        Files.writeString(catalog, Repo.read(Repo.path("src/main/resources/db/demo/storefront/R__demo_catalog.sql"))
                .replace("${demo_data}", "true"));
        if (Tools.isRoot()) {
            Tools.check(pg.scratch(), 30, List.of("chown", "postgres", catalog.toString()));
        }
        pg.runScript("storefront", catalog);

        given().baseUri(url("discounts")).header("Authorization", "Bearer " + serviceToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Image test", "code", CODE, "kind", "percent", "value", 10, "active", true))
                .post("/api/discounts").then().log().ifValidationFails().statusCode(201);
        long campaign = given().baseUri(url("ads")).header("Authorization", "Bearer " + serviceToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Image test", "theme", "test", "priority", 10))
                .post("/api/ads/admin/campaigns").then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"200\" viewBox=\"0 0 600 200\">"
                + "<rect width=\"600\" height=\"200\" fill=\"#1f4e79\"/></svg>";
        given().baseUri(url("ads")).header("Authorization", "Bearer " + serviceToken).contentType(ContentType.JSON)
                .body(Map.of("title", "Image test", "altText", "Image test", "targetPath", "/", "weight", 1,
                        "contentType", "image/svg+xml", "imageBase64", Base64.getEncoder().encodeToString(svg.getBytes())))
                .post("/api/ads/admin/campaigns/" + campaign + "/ads").then().log().ifValidationFails().statusCode(201);
        given().baseUri(url("ads")).header("Authorization", "Bearer " + serviceToken).contentType(ContentType.JSON)
                .post("/api/ads/admin/campaigns/" + campaign + "/go-live").then().log().ifValidationFails().statusCode(200);

        IngressRoutes routes = new IngressRoutes(objects, role -> url(role));
        ContainerShopper shopper = new ContainerShopper(routes::baseUrl);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(shopper::clickTheAd);
        String order = shopper.buyWithCode(CODE);

        assertThat(pg.query("SELECT discount_code FROM storefront.orders WHERE number = '" + order + "'"))
                .as("the order in the storefront's schema carries the code").isEqualTo(CODE);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                pg.query("SELECT count(*) FROM discounts.discount_redemptions WHERE order_number = '" + order + "'"))
                .as("the discount service recorded the redemption").isEqualTo("1"));
        String storefrontMetrics = metrics("storefront");
        for (String service : List.of("ads", "discounts")) {
            assertThat(storefrontMetrics.lines().filter(l -> l.startsWith("http_client_requests_seconds_count{"))
                    .filter(l -> l.contains("clientName=\"" + service + "\"") && l.contains("outcome=\"SUCCESS\"")))
                    .as("the storefront's successful calls to " + service).isNotEmpty();
        }
        String home = shopper.page("/").outerHtml();
        assertThat(home).as("the RUM snippet, configured from the Secret the datadog component reads")
                .contains("image-test-application_id").contains("image-test-client_token");
    }

    /** Even with SHOP_FAULTS_ENABLED=true, the production artifact switches no fault on: not declared, not by the API. */
    private void checkFaultsRefused(String role) {
        String api = role.equals("storefront") ? "/api/faults" : "/api/" + role + "/faults";
        given().baseUri(url(role)).header("Authorization", "Bearer " + serviceToken).contentType(ContentType.JSON)
                .body(Map.of("severity", 100)).put(api + "/" + FAULT_OF.get(role)).then().log().ifValidationFails()
                .statusCode(403).contentType("application/problem+json");
        assertThat(metrics(role).lines().filter(l -> l.startsWith("shop_fault_active{")))
                .as(role + ": shop_fault_active, every fault off").isNotEmpty().allMatch(l -> l.endsWith(" 0.0"));
    }

    private String metrics(String role) {
        return given().baseUri(url(role)).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The names docs/metrics.md lists, for the role that serves them (the ad and discount meters are the services'). */
    private void checkMetrics(String role) {
        Set<String> served = new java.util.HashSet<>();
        metrics(role).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> served.add(l.split("[{ ]", 2)[0]));
        List<String> expected = new ArrayList<>();
        for (String line : Repo.read(Repo.path("docs/metrics.md")).split("\n")) {
            Matcher row = METRIC_ROW.matcher(line);
            if (!row.matches() || row.group(2).equals("external")) {
                continue;
            }
            String name = row.group(1);
            boolean everyRole = name.startsWith("http_server_") || name.startsWith("jvm_") || name.startsWith("process_")
                    || name.startsWith("agroal_");
            // shop_loadgen_*: only a process playing loadgen (or all) has them, and the prod overlay runs none
            String owner = name.startsWith("shop_discount_") ? "discounts" : name.startsWith("shop_ad_") ? "ads"
                    : name.startsWith("shop_loadgen_") ? "loadgen" : "storefront";
            if (everyRole || owner.equals(role)) {
                expected.add(name);
            }
        }
        assertThat(expected).as("metrics docs/metrics.md promises for " + role).isNotEmpty();
        assertThat(served).as("/q/metrics of the " + role + " container").containsAll(expected);
    }

    /**
     * Read-only root filesystem, as rendered: writing outside the emptyDir mounts fails, and podman sees no change in
     * the container's own layer but /etc, where the runtime itself mounts hosts, hostname and resolv.conf (as the
     * kubelet does).
     */
    private void checkNothingWritten(RenderedPod pod) {
        String container = containers.get(pod.role());
        assertThat(Tools.run(Repo.root(), 60, List.of(podman.toString(), "inspect", "-f",
                "{{.HostConfig.ReadonlyRootfs}} {{.Config.User}}", container)).stdout().trim())
                .isEqualTo(pod.readOnlyRootFilesystem() + " " + pod.runAsUser() + ":" + pod.runAsGroup());
        Tools.Result outside = Tools.run(Repo.root(), 60, List.of(podman.toString(), "exec", container, "touch", "/home/jboss/probe"));
        assertThat(outside.ok()).as(pod.role() + " cannot write outside its emptyDir mounts: " + outside.output()).isFalse();
        assertThat(outside.output()).contains("Read-only file system");
        for (RenderedPod.EmptyDir dir : pod.emptyDirs()) {
            assertThat(Tools.run(Repo.root(), 60, List.of(podman.toString(), "exec", container, "touch", dir.mountPath() + "/probe")).ok())
                    .as(pod.role() + " writes to its emptyDir " + dir.mountPath()).isTrue();
        }
        Set<String> runtimeMounts = Set.of("C /etc", "A /etc/hosts", "A /etc/hostname", "A /etc/resolv.conf", "C /run", "A /run/.containerenv");
        List<String> changes = Tools.check(Repo.root(), 60, List.of(podman.toString(), "diff", container)).stdout().lines()
                .map(String::trim).filter(l -> !l.isEmpty() && !runtimeMounts.contains(l)).toList();
        assertThat(changes).as("files " + pod.role() + " changed outside its emptyDir mounts").isEmpty();
    }

    private String logs() {
        StringBuilder out = new StringBuilder();
        containers.forEach((role, id) -> out.append("--- ").append(role).append(" logs:\n")
                .append(Tools.tail(Tools.run(Repo.root(), 60, List.of(podman.toString(), "logs", "--tail", "60", id)).output())));
        return out.toString();
    }

    /** The port of the rendered OTLP endpoint (http://$(HOST_IP):4317, HOST_IP being this host here). */
    private int otlpPort(RenderedPod storefront, List<ObjectNode> objects) {
        String endpoint = storefront.environment(objects, name -> Map.of(), Map.of("status.hostIP", "127.0.0.1",
                "status.podIP", "127.0.0.1", "metadata.name", "storefront")).getOrDefault("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "");
        assertThat(endpoint).as("OTLP endpoint of the prod storefront").startsWith("http://127.0.0.1:");
        return URI.create(endpoint).getPort();
    }

    static String databaseName(List<ObjectNode> objects) {
        for (ObjectNode external : DeliveryManifestsTest.ofKind(objects, "ExternalSecret")) {
            String url = external.path("spec").path("target").path("template").path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
            Matcher m = Pattern.compile("^jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)").matcher(url);
            if (m.find()) {
                return m.group(1);
            }
        }
        return fail("no ExternalSecret in the prod overlay sets QUARKUS_DATASOURCE_JDBC_URL");
    }

    /** The master user name the rds module gives RDS (its secret's "username"). */
    private static String rdsMasterUser() {
        Map<String, Object> variable = TerragruntTest.map(TerragruntTest.map(TerragruntTest.parse(
                Repo.path("terragrunt/modules/rds/variables.tf")).get("variable")).get("master_username"));
        return String.valueOf(variable.get("default"));
    }

    /** Path → the container serving it, by the rendered Ingress's rules (longest Prefix wins, as on the ALB). */
    static final class IngressRoutes {
        private final Map<String, String> prefixToRole = new HashMap<>();
        private final java.util.function.Function<String, String> urlOfRole;

        IngressRoutes(List<ObjectNode> objects, java.util.function.Function<String, String> urlOfRole) {
            this.urlOfRole = urlOfRole;
            Map<String, String> serviceToRole = new HashMap<>();
            for (ObjectNode service : DeliveryManifestsTest.ofKind(objects, "Service")) {
                serviceToRole.put(service.path("metadata").path("name").asText(),
                        service.path("spec").path("selector").path("app.kubernetes.io/component").asText());
            }
            for (ObjectNode ingress : DeliveryManifestsTest.ofKind(objects, "Ingress")) {
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        prefixToRole.put(path.path("path").asText(),
                                serviceToRole.get(path.path("backend").path("service").path("name").asText()));
                    }
                }
            }
            assertThat(prefixToRole).as("Ingress routes of the prod overlay").containsKey("/");
        }

        String baseUrl(String path) {
            String best = "/";
            for (String prefix : prefixToRole.keySet()) {
                boolean matches = path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")
                        || path.startsWith(prefix + "?");
                if (matches && prefix.length() > best.length()) {
                    best = prefix;
                }
            }
            return urlOfRole.apply(prefixToRole.get(best));
        }
    }
}
