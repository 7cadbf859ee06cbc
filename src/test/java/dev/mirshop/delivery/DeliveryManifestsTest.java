package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything under kubernetes/ builds with `kubectl kustomize` (every overlay, every platform root, every
 * tests/ combination and every combination of components), every built object fits its kind's schema, and
 * references between objects resolve.
 */
class DeliveryManifestsTest {

    private static final Set<String> ADD_ONS = Set.of("argo-rollouts", "kube-prometheus-stack",
            "prometheus-blackbox-exporter", "aws-load-balancer-controller", "metrics-server", "datadog", "external-secrets");

    @TestFactory
    Stream<DynamicTest> everyKustomizationBuildsAndChecksOut() {
        List<Path> dirs = Kustomize.buildableDirs();
        assertThat(dirs).extracting(Repo::relative).contains("kubernetes/overlays/dev", "kubernetes/overlays/prod",
                "kubernetes/platform/dev", "kubernetes/platform/prod", "kubernetes/base");
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(Repo.relative(dir), () -> checkBuild(dir)));
    }

    @TestFactory
    Stream<DynamicTest> everyCombinationOfComponentsBuildsAndChecksOut() throws IOException {
        List<Path> components = Kustomize.componentDirs();
        assertThat(components).extracting(p -> p.getFileName().toString())
                .contains("load-generator", "datadog", "network-policies", "external-secrets");
        Path combos = Repo.path("target/delivery-component-combinations");
        List<DynamicTest> tests = new ArrayList<>();
        for (int mask = 0; mask < (1 << components.size()); mask++) {
            List<Path> chosen = new ArrayList<>();
            for (int i = 0; i < components.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    chosen.add(components.get(i));
                }
            }
            String name = chosen.isEmpty() ? "base-only"
                    : String.join("+", chosen.stream().map(p -> p.getFileName().toString()).toList());
            Path dir = combos.resolve(name);
            Files.createDirectories(dir);
            StringBuilder kustomization = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\n"
                    + "kind: Kustomization\nresources:\n  - " + dir.relativize(Repo.path("kubernetes/base")) + "\n");
            if (!chosen.isEmpty()) {
                kustomization.append("components:\n");
                chosen.forEach(c -> kustomization.append("  - ").append(dir.relativize(c)).append('\n'));
            }
            Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
            tests.add(DynamicTest.dynamicTest(name, () -> checkBuild(dir)));
        }
        return tests.stream();
    }

    @Test
    void everyComponentIsBuiltByAFolderInKubernetesTests() {
        List<String> testKustomizations = Repo.files(Repo.path("kubernetes/tests"),
                p -> p.getFileName().toString().equals("kustomization.yaml")).stream().map(Repo::read).toList();
        for (Path component : Kustomize.componentDirs()) {
            assertThat(testKustomizations).as("a kubernetes/tests/* kustomization using " + Repo.relative(component))
                    .anyMatch(k -> k.contains("../../components/" + component.getFileName() + "\n"));
        }
    }

    private static void checkBuild(Path dir) {
        List<ObjectNode> objects = Kustomize.build(dir);
        assertThat(objects).as("objects built from " + Repo.relative(dir)).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : objects) {
            KubernetesSchemas.check(object).forEach(p -> problems.add(Kustomize.id(object) + ": " + p));
        }
        if (!Kustomize.isPart(dir)) {
            problems.addAll(ManifestChecks.check(objects, ExternalSecrets.documented()));
        }
        assertThat(problems).as("problems in " + Repo.relative(dir)).isEmpty();
    }

    /**
     * No overlay runs the demo data or its demo marketer (issue 13, point 5): every shop container of every
     * environment resolves SHOP_DEMO_DATA, and every other demo-data switch it sets, to false. The production
     * artifact carries no demo data anyway (ShopImage checks the built jar).
     */
    @Test
    void noOverlayRunsTheDemoData() {
        for (String env : List.of("dev", "prod")) {
            List<ObjectNode> objects = overlay(env);
            for (String role : List.of("storefront", "discounts", "ads")) {
                java.util.Map<String, String> environment = RenderedPod.of(objects, role).environment(objects,
                        name -> java.util.Map.of(), java.util.Map.of("status.hostIP", "10.0.0.1", "status.podIP",
                                "10.0.0.2", "metadata.name", role));
                assertThat(environment.get("SHOP_DEMO_DATA")).as(env + " " + role + " SHOP_DEMO_DATA").isEqualTo("false");
                environment.forEach((key, value) -> {
                    if (key.contains("DEMO_DATA")) {
                        assertThat(value).as(env + " " + role + " " + key).isEqualTo("false");
                    }
                });
            }
        }
    }

    /** Absolute URLs come from SHOP_PUBLIC_BASE_URL (issue 13, point 8): in each overlay, the Ingress's own host. */
    @Test
    void theStorefrontsCanonicalBaseUrlIsItsIngressHost() {
        for (String env : List.of("dev", "prod")) {
            List<ObjectNode> objects = overlay(env);
            String host = one(objects, "Ingress", "mir-shop").path("spec").path("rules").path(0).path("host").asText();
            String base = RenderedPod.of(objects, "storefront").environment(objects, name -> java.util.Map.of(),
                    java.util.Map.of("status.hostIP", "10.0.0.1", "status.podIP", "10.0.0.2", "metadata.name",
                            "storefront")).get("SHOP_PUBLIC_BASE_URL");
            assertThat(base).as(env + " SHOP_PUBLIC_BASE_URL").isEqualTo("https://" + host);
        }
    }

    /**
     * Issue 17, point 5: in production the storefront's mails go to a real SMTP server over STARTTLS, with credentials
     * from a Secret made by an ExternalSecret (never a ConfigMap), from a sender of the shop's own domain, and never to
     * an embedded server (the production artifact has none: ProductionArtifactTest).
     */
    @Test
    void theStorefrontSendsMailThroughSmtpSettingsWhoseCredentialsComeFromASecret() {
        for (String env : List.of("dev", "prod")) {
            List<ObjectNode> objects = overlay(env);
            RenderedPod storefront = RenderedPod.of(objects, "storefront");
            java.util.Map<String, String> fromSecrets = new java.util.HashMap<>();
            java.util.Map<String, String> all = storefront.environment(objects, name -> {
                ObjectNode external = ofKind(objects, "ExternalSecret").stream()
                        .filter(e -> e.path("spec").path("target").path("name").asText().equals(name)).findFirst()
                        .orElse(null);
                if (external == null) {
                    return java.util.Map.of();
                }
                java.util.Map<String, String> data = new java.util.HashMap<>();
                external.path("spec").path("target").path("template").path("data").fields()
                        .forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
                fromSecrets.putAll(data);
                return data;
            }, java.util.Map.of("status.hostIP", "10.0.0.1", "status.podIP", "10.0.0.2", "metadata.name", "storefront"));
            String host = one(objects, "Ingress", "mir-shop").path("spec").path("rules").path(0).path("host").asText();
            assertThat(fromSecrets).as(env + ": SMTP credentials from an ExternalSecret")
                    .containsEntry("QUARKUS_MAILER_USERNAME", "{{ .username }}")
                    .containsEntry("QUARKUS_MAILER_PASSWORD", "{{ .password }}");
            assertThat(all).as(env + " storefront SMTP settings")
                    .containsEntry("QUARKUS_MAILER_PORT", "587").containsEntry("QUARKUS_MAILER_START_TLS", "REQUIRED")
                    .containsEntry("QUARKUS_MAILER_LOGIN", "REQUIRED").doesNotContainKey("QUARKUS_MAILER_MOCK")
                    .doesNotContainKey("SHOP_MAIL_EMBEDDED_SMTP");
            assertThat(all.get("QUARKUS_MAILER_HOST")).as(env + " SMTP host").matches("email-smtp\\.[a-z0-9-]+\\.amazonaws\\.com");
            assertThat(all.get("QUARKUS_MAILER_FROM")).as(env + " sender: the shop's own domain").endsWith("@" + host + ">");
            for (ObjectNode map : ofKind(objects, "ConfigMap")) {
                assertThat(map.path("data").has("QUARKUS_MAILER_PASSWORD") || map.path("data").has("QUARKUS_MAILER_USERNAME"))
                        .as(env + " ConfigMap " + map.path("metadata").path("name").asText() + " holds no SMTP credential")
                        .isFalse();
            }
            assertThat(one(objects, "Rollout", "storefront").path("metadata").path("annotations")
                    .path("secret.reloader.stakater.com/reload").asText()).as(env + ": new credentials restart the storefront")
                    .contains("mir-shop-mail");
        }
    }

    static List<ObjectNode> overlay(String env) {
        return Kustomize.build(Repo.path("kubernetes/overlays/" + env));
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static ObjectNode one(List<ObjectNode> objects, String kind, String name) {
        List<ObjectNode> found = ofKind(objects, kind).stream()
                .filter(o -> o.path("metadata").path("name").asText().equals(name)).toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }

    static List<ObjectNode> shopWorkloads(List<ObjectNode> objects) {
        return objects.stream().filter(o -> Set.of("Deployment", "Rollout").contains(o.path("kind").asText()))
                .filter(o -> o.path("metadata").path("labels").path("app.kubernetes.io/name").asText().equals("mir-shop"))
                .toList();
    }

    @Test
    void overlayImageTagsReachTheRolloutAndTheDeploymentsAndTheirVersionTags() {
        for (String env : List.of("dev", "prod")) {
            JsonNode image = null;
            for (JsonNode entry : Kustomize.readYaml(Repo.path("kubernetes/overlays/" + env + "/kustomization.yaml")).path("images")) {
                if (entry.path("name").asText().equals("mir-shop")) {
                    image = entry;
                }
            }
            assertThat(image).as("images: entry for mir-shop in overlays/" + env).isNotNull();
            String tag = image.path("newTag").asText();
            String expected = image.path("newName").asText() + ":" + tag;
            List<ObjectNode> workloads = shopWorkloads(overlay(env));
            assertThat(workloads).extracting(w -> w.path("kind").asText() + "/" + w.path("metadata").path("name").asText())
                    .containsExactlyInAnyOrder("Rollout/storefront", "Deployment/discounts", "Deployment/ads");
            for (ObjectNode workload : workloads) {
                JsonNode template = workload.path("spec").path("template");
                assertThat(template.path("spec").path("containers").get(0).path("image").asText())
                        .as(Kustomize.id(workload) + " image in " + env).isEqualTo(expected);
                for (JsonNode labels : List.of(workload.path("metadata").path("labels"), template.path("metadata").path("labels"))) {
                    assertThat(labels.path("tags.datadoghq.com/version").asText()).as(Kustomize.id(workload) + " version tag").isEqualTo(tag);
                    assertThat(labels.path("tags.datadoghq.com/env").asText()).as(Kustomize.id(workload) + " env tag").isEqualTo(env);
                    assertThat(labels.path("tags.datadoghq.com/service").asText()).as(Kustomize.id(workload) + " service tag")
                            .isEqualTo(workload.path("metadata").path("labels").path("app.kubernetes.io/component").asText());
                }
            }
        }
    }

    @Test
    void devPromotesAutomaticallyAndProdWaitsForAPerson() {
        for (String env : List.of("dev", "prod")) {
            JsonNode blueGreen = one(overlay(env), "Rollout", "storefront").path("spec").path("strategy").path("blueGreen");
            assertThat(blueGreen.path("autoPromotionEnabled").asBoolean()).as("autoPromotionEnabled in " + env)
                    .isEqualTo(env.equals("dev"));
            assertThat(blueGreen.path("scaleDownDelaySeconds").asInt()).as("scaleDownDelaySeconds in " + env)
                    .isGreaterThanOrEqualTo(300);
            assertThat(blueGreen.path("prePromotionAnalysis").path("templates")).isNotEmpty();
            assertThat(blueGreen.path("postPromotionAnalysis").path("templates")).isNotEmpty();
            assertThat(blueGreen.path("previewService").asText()).isNotEqualTo(blueGreen.path("activeService").asText());
        }
    }

    @Test
    void overlaysSetTheirOwnHostsCertificatesAndScale() {
        JsonNode devIngress = one(overlay("dev"), "Ingress", "mir-shop");
        JsonNode prodIngress = one(overlay("prod"), "Ingress", "mir-shop");
        String cert = "alb.ingress.kubernetes.io/certificate-arn";
        for (JsonNode ingress : List.of(devIngress, prodIngress)) {
            assertThat(ingress.path("metadata").path("annotations").path(cert).asText()).startsWith("arn:aws:acm:");
        }
        assertThat(devIngress.path("metadata").path("annotations").path(cert).asText())
                .isNotEqualTo(prodIngress.path("metadata").path("annotations").path(cert).asText());
        assertThat(devIngress.path("spec").path("rules").get(0).path("host").asText())
                .isNotEqualTo(prodIngress.path("spec").path("rules").get(0).path("host").asText());
        JsonNode devHpa = one(overlay("dev"), "HorizontalPodAutoscaler", "storefront").path("spec");
        JsonNode prodHpa = one(overlay("prod"), "HorizontalPodAutoscaler", "storefront").path("spec");
        assertThat(devHpa.path("minReplicas").asInt()).isLessThanOrEqualTo(devHpa.path("maxReplicas").asInt());
        assertThat(prodHpa.path("minReplicas").asInt()).isGreaterThan(devHpa.path("minReplicas").asInt())
                .isLessThanOrEqualTo(prodHpa.path("maxReplicas").asInt());
        for (String dir : List.of("kubernetes/overlays/dev", "kubernetes/overlays/prod", "kubernetes/platform/dev",
                "kubernetes/platform/prod")) {
            assertThat(Kustomize.build(Repo.path(dir)).toString()).as(dir + " still has a base placeholder")
                    .doesNotContain("REPLACED-BY-");
        }
    }

    @Test
    void ingressIsHttpsOnlyAndSendsBannersAndAdClicksToTheAdService() {
        for (String env : List.of("dev", "prod")) {
            JsonNode ingress = one(overlay(env), "Ingress", "mir-shop");
            JsonNode annotations = ingress.path("metadata").path("annotations");
            assertThat(ingress.path("spec").path("ingressClassName").asText()).isEqualTo("alb");
            assertThat(annotations.path("alb.ingress.kubernetes.io/listen-ports").asText()).contains("HTTPS", "443");
            assertThat(annotations.path("alb.ingress.kubernetes.io/ssl-redirect").asText()).isEqualTo("443");
            assertThat(annotations.path("alb.ingress.kubernetes.io/healthcheck-path").asText()).startsWith("/q/health/");
            List<String> routes = new ArrayList<>();
            for (JsonNode path : ingress.path("spec").path("rules").get(0).path("http").path("paths")) {
                routes.add(path.path("path").asText() + " -> " + path.path("backend").path("service").path("name").asText());
            }
            assertThat(routes).as("routes in " + env).contains("/banners -> ads", "/ads -> ads", "/ -> storefront");
        }
    }

    @Test
    void shopPodsRunTheirRoleWithProbesTmpAndProductionSettings() {
        for (String env : List.of("dev", "prod")) {
            List<ObjectNode> objects = overlay(env);
            for (ObjectNode workload : shopWorkloads(objects)) {
                String role = workload.path("metadata").path("labels").path("app.kubernetes.io/component").asText();
                JsonNode pod = workload.path("spec").path("template").path("spec");
                JsonNode shop = pod.path("containers").get(0);
                List<String> env1 = new ArrayList<>();
                shop.path("env").forEach(e -> env1.add(e.path("name").asText() + "=" + e.path("value").asText("")));
                assertThat(env1).as(Kustomize.id(workload)).contains("SHOP_ROLE=" + role)
                        .anyMatch(e -> e.startsWith("DD_ENV=")).anyMatch(e -> e.startsWith("DD_SERVICE="))
                        .anyMatch(e -> e.startsWith("DD_VERSION="))
                        .contains("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT=http://$(HOST_IP):4317");
                assertThat(shop.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
                assertThat(shop.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
                assertThat(shop.path("volumeMounts").toString()).contains("\"mountPath\":\"/tmp\"");
                assertThat(pod.path("volumes").toString()).contains("emptyDir");
                assertThat(shop.path("envFrom").toString()).contains("mir-shop-database");
            }
            ObjectNode config = ofKind(objects, "ConfigMap").stream()
                    .filter(c -> c.path("metadata").path("name").asText().startsWith("mir-shop-config")).findFirst().orElseThrow();
            assertThat(config.path("data").path("QUARKUS_FLYWAY_PLACEHOLDERS_DEMO_DATA").asText()).isEqualTo("false");
            assertThat(config.path("data").path("QUARKUS_PROFILE").asText()).isEqualTo("prod");
            JsonNode database = one(objects, "ExternalSecret", "mir-shop-database").path("spec");
            assertThat(database.path("target").path("name").asText()).isEqualTo("mir-shop-database");
            for (String datasource : List.of("QUARKUS_DATASOURCE_", "QUARKUS_DATASOURCE__DISCOUNTS__", "QUARKUS_DATASOURCE__ADS__")) {
                JsonNode data = database.path("target").path("template").path("data");
                assertThat(data.path(datasource + "JDBC_URL").asText()).startsWith("jdbc:postgresql://");
                assertThat(data.path(datasource + "USERNAME").asText()).contains(".username");
                assertThat(data.path(datasource + "PASSWORD").asText()).contains(".password");
            }
            assertThat(database.path("dataFrom").get(0).path("extract").path("key").asText()).startsWith("arn:aws:secretsmanager:");
        }
        assertThat(ExternalSecrets.documented()).contains("ecommerce/mir-shop-database");
        String deployDoc = Repo.read(Repo.path("docs/deploy.md"));
        for (String key : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "QUARKUS_DATASOURCE__DISCOUNTS__JDBC_URL", "QUARKUS_DATASOURCE__ADS__JDBC_URL")) {
            assertThat(deployDoc).as("docs/deploy.md explains the Secret key " + key).contains(key);
        }
    }

    @Test
    void monitoringObjectsCarryTheLabelKubePrometheusStackSelects() {
        List<ObjectNode> objects = overlay("prod");
        for (String kind : List.of("ServiceMonitor", "PrometheusRule", "Probe", "AlertmanagerConfig")) {
            assertThat(ofKind(objects, kind)).as(kind).isNotEmpty().allSatisfy(o ->
                    assertThat(o.path("metadata").path("labels").path("release").asText()).isEqualTo("kube-prometheus-stack"));
        }
        JsonNode route = ofKind(objects, "AlertmanagerConfig").get(0).path("spec");
        List<String> routing = new ArrayList<>();
        for (JsonNode r : route.path("route").path("routes")) {
            routing.add(r.path("matchers").get(0).path("value").asText() + " -> " + r.path("receiver").asText());
        }
        assertThat(routing).contains("critical -> slack-critical", "warning -> email-warnings");
        assertThat(route.path("receivers").toString()).contains("slackConfigs", "emailConfigs");
        JsonNode probe = ofKind(objects, "Probe").get(0).path("spec");
        assertThat(probe.path("targets").path("staticConfig").path("static").get(0).asText()).startsWith("https://");
    }

    @Test
    void dashboardConfigMapsAndPrometheusRulesAreGeneratedFromGrafanaDashboards() throws IOException {
        Path dashboards = Repo.path("grafana-dashboards");
        List<ObjectNode> objects = Kustomize.build(Repo.path("kubernetes/base"));
        List<Path> jsonFiles = Repo.files(dashboards, p -> p.getParent().equals(dashboards) && p.toString().endsWith(".json"));
        assertThat(jsonFiles).as("dashboards in grafana-dashboards/").isNotEmpty();
        for (Path json : jsonFiles) {
            String file = json.getFileName().toString();
            List<ObjectNode> carrying = ofKind(objects, "ConfigMap").stream()
                    .filter(c -> c.path("data").has(file)).toList();
            assertThat(carrying).as("ConfigMap generated from " + file + " (list it in grafana-dashboards/kustomization.yaml)")
                    .hasSize(1);
            ObjectNode configMap = carrying.get(0);
            assertThat(configMap.path("data").path(file).asText()).isEqualTo(Files.readString(json));
            assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
            assertThat(configMap.path("metadata").path("namespace").asText()).isEqualTo("monitoring");
        }
        List<Path> ruleFiles = PrometheusRuleGenerator.ruleFiles(dashboards).toList();
        assertThat(ruleFiles).as("rule files in grafana-dashboards/alerts/").isNotEmpty();
        for (Path ruleFile : ruleFiles) {
            ObjectNode rule = one(objects, "PrometheusRule", PrometheusRuleGenerator.ruleName(ruleFile));
            assertThat(rule.path("spec").path("groups")).as("groups of " + ruleFile.getFileName())
                    .isEqualTo(Kustomize.readYaml(ruleFile).path("groups"));
        }
    }

    @Test
    void platformRootsDeclareEveryAddOnWithAPinnedChartAndTheShopOfTheirEnvironment() {
        for (String env : List.of("dev", "prod")) {
            List<ObjectNode> apps = ofKind(Kustomize.build(Repo.path("kubernetes/platform/" + env)), "Application");
            List<String> charts = new ArrayList<>();
            for (ObjectNode app : apps) {
                JsonNode source = app.path("spec").path("source");
                if (source.has("chart")) {
                    charts.add(source.path("chart").asText());
                    assertThat(source.path("targetRevision").asText()).as("chart version of " + Kustomize.id(app))
                            .matches("\\d+\\.\\d+\\.\\d+");
                } else {
                    assertThat(Repo.path(source.path("path").asText())).as("git path of " + Kustomize.id(app)).isDirectory();
                    assertThat(source.path("targetRevision").asText()).isEqualTo("main");
                }
            }
            assertThat(charts).as("add-ons in " + env).containsAll(ADD_ONS);
            assertThat(apps).extracting(a -> a.path("spec").path("source").path("path").asText())
                    .contains("kubernetes/overlays/" + env, "kubernetes/platform/" + env);
            JsonNode notifications = one(Kustomize.build(Repo.path("kubernetes/platform/" + env)), "ConfigMap",
                    "argocd-notifications-cm").path("data");
            assertThat(notifications.path("service.slack").asText()).contains("$slack-token");
            assertThat(notifications.path("subscriptions").asText()).contains("on-sync-succeeded", "on-sync-failed");
        }
        JsonNode rollout = one(overlay("prod"), "Rollout", "storefront");
        assertThat(rollout.path("metadata").path("annotations").toString())
                .contains("subscribe.on-rollout-aborted.slack", "subscribe.on-analysis-run-failed.slack");
    }

    /**
     * Traces and RUM in Kubernetes: every shop pod samples and exports traces to the node's agent (a runtime ratio: the
     * production sampler is fixed at build time), the storefront reads DD_APPLICATION_ID and DD_CLIENT_TOKEN from a
     * Secret an ExternalSecret makes, and its Datadog site is the agent's.
     */
    @Test
    void shopPodsExportTracesAndTheStorefrontGetsItsRumSettingsFromAnExternalSecret() {
        for (String env : List.of("dev", "prod")) {
            List<ObjectNode> objects = overlay(env);
            String agentSite = ArgoCdPlatformTest.application(env, "datadog").path("spec").path("source").path("helm")
                    .path("valuesObject").path("datadog").path("site").asText();
            for (ObjectNode workload : shopWorkloads(objects)) {
                java.util.Map<String, String> env1 = new java.util.HashMap<>();
                workload.path("spec").path("template").path("spec").path("containers").get(0).path("env")
                        .forEach(e -> env1.put(e.path("name").asText(), e.path("value").asText("")));
                assertThat(Double.parseDouble(env1.getOrDefault("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0")))
                        .as(env + " " + Kustomize.id(workload) + " samples traces").isPositive();
                assertThat(env1).as(env + " " + Kustomize.id(workload)).doesNotContainKey("QUARKUS_OTEL_TRACES_SAMPLER")
                        .containsEntry("DD_SITE", agentSite);
            }
            JsonNode storefront = one(objects, "Rollout", "storefront").path("spec").path("template").path("spec").path("containers").get(0);
            List<String> secrets = new ArrayList<>();
            storefront.path("envFrom").forEach(f -> secrets.add(f.path("secretRef").path("name").asText("")));
            ObjectNode rum = ofKind(objects, "ExternalSecret").stream()
                    .filter(e -> e.path("spec").path("target").path("template").path("data").has("DD_APPLICATION_ID"))
                    .findFirst().orElseThrow(() -> new AssertionError(env + ": no ExternalSecret makes DD_APPLICATION_ID"));
            assertThat(rum.path("spec").path("target").path("template").path("data").has("DD_CLIENT_TOKEN")).isTrue();
            assertThat(secrets).as(env + ": the storefront reads the RUM Secret").contains(rum.path("spec").path("target").path("name").asText());
        }
    }

    /** Who scrapes /q/metrics (Prometheus, the Datadog agent) is read from the platform Applications' namespaces. */
    @Test
    void networkPoliciesAdmitEveryScraperOfTheMetricsPort() {
        for (String env : List.of("dev", "prod")) {
            List<String> scrapers = List.of("kube-prometheus-stack", "datadog").stream()
                    .map(app -> ArgoCdPlatformTest.application(env, app).path("spec").path("destination").path("namespace").asText())
                    .toList();
            List<ObjectNode> objects = overlay(env);
            List<ObjectNode> policies = ofKind(objects, "NetworkPolicy");
            assertThat(policies).as(env + " NetworkPolicies").isNotEmpty();
            for (ObjectNode workload : shopWorkloads(objects)) {
                JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
                for (String namespace : scrapers) {
                    boolean admitted = false;
                    for (ObjectNode policy : policies) {
                        JsonNode selector = policy.path("spec").path("podSelector").path("matchLabels");
                        if (!selector.isEmpty() && !ManifestChecks.matches(selector, labels)) {
                            continue;
                        }
                        for (JsonNode rule : policy.path("spec").path("ingress")) {
                            boolean port = rule.path("ports").isEmpty();
                            for (JsonNode p : rule.path("ports")) {
                                port |= p.path("port").asInt() == 8080;
                            }
                            boolean from = !rule.has("from");
                            for (JsonNode peer : rule.path("from")) {
                                from |= peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText().equals(namespace);
                            }
                            admitted |= port && from;
                        }
                    }
                    assertThat(admitted).as(env + ": " + Kustomize.id(workload) + " admits scrapes from namespace " + namespace).isTrue();
                }
            }
        }
    }
}
