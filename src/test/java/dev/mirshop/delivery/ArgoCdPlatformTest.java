package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Argo CD platform (kubernetes/platform/*) against the charts it installs, at their pinned versions, as recorded
 * in src/test/resources/upstream (offline snapshots, see the README there): versions exist, every value we set is a
 * key of that version's values.yaml, Secrets we create by hand are not also made by a chart, webhook certificates
 * that a chart regenerates at every render are ignored, CRDs come before what uses them, the shop Applications own
 * no namespace of the platform, and rotated Secrets restart the pods that read them.
 */
class ArgoCdPlatformTest {

    static final Path UPSTREAM = Repo.path("src/test/resources/upstream");
    static final Path ARGOCD_VALUES = Repo.path("kubernetes/platform/argocd-values.yaml");
    private static final List<String> ENVIRONMENTS = List.of("dev", "prod");

    static JsonNode chartFacts(String chart) {
        Path file = UPSTREAM.resolve("charts/" + chart + ".yaml");
        assertThat(file).as("recorded upstream facts for chart " + chart + " (see src/test/resources/upstream/README.md)").exists();
        return Kustomize.readYaml(file);
    }

    static JsonNode behaviour() {
        return Kustomize.readYaml(UPSTREAM.resolve("chart-behaviour.yaml"));
    }

    static List<ObjectNode> applications(String env) {
        return DeliveryManifestsTest.ofKind(Kustomize.build(Repo.path("kubernetes/platform/" + env)), "Application");
    }

    static ObjectNode application(String env, String name) {
        return DeliveryManifestsTest.one(applications(env), "Application", name);
    }

    static JsonNode values(JsonNode app) {
        return app.path("spec").path("source").path("helm").path("valuesObject");
    }

    /** Every leaf path of a values tree (a list is one leaf: its items are the chart's business). */
    static List<String> leafPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(f -> paths.addAll(leafPaths(f.getValue(), prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey())));
        } else {
            paths.add(prefix);
        }
        return paths;
    }

    static Set<String> strings(JsonNode list) {
        Set<String> out = new HashSet<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Problems with the values we give a chart at a version: the version must exist and each key be the chart's. */
    static List<String> checkChart(String chart, String repository, String version, JsonNode values) {
        JsonNode facts = chartFacts(chart);
        List<String> problems = new ArrayList<>();
        if (!facts.path("repository").asText().equals(repository)) {
            problems.add(chart + " comes from " + facts.path("repository").asText() + ", not " + repository);
        }
        if (!strings(facts.path("versions")).contains(version)) {
            problems.add(chart + " " + version + " is not in its repository's index (recorded: " + facts.path("versions") + ")");
        }
        JsonNode pinned = facts.path("pinned");
        if (!pinned.path("version").asText().equals(version)) {
            problems.add(chart + " " + version + ": values recorded for " + pinned.path("version").asText() + " only; record this version");
            return problems;
        }
        Set<String> known = strings(pinned.path("valuesPaths"));
        Set<String> open = strings(pinned.path("openPaths"));
        open.addAll(strings(behaviour().path(chart).path("freeFormValues")));
        for (String path : leafPaths(values, "")) {
            boolean ok = known.contains(path);
            for (String prefix : open) {
                ok |= path.equals(prefix) || path.startsWith(prefix + ".");
            }
            if (!ok) {
                problems.add(chart + " " + version + " has no value " + path);
            }
        }
        return problems;
    }

    @Test
    void everyChartVersionExistsAndEveryValueWeSetIsAKeyOfThatVersion() {
        List<String> problems = new ArrayList<>();
        for (String env : ENVIRONMENTS) {
            for (ObjectNode app : applications(env)) {
                JsonNode source = app.path("spec").path("source");
                if (source.has("chart")) {
                    problems.addAll(checkChart(source.path("chart").asText(), source.path("repoURL").asText(),
                            source.path("targetRevision").asText(), values(app)).stream().map(p -> env + ": " + p).toList());
                }
            }
        }
        // Argo CD itself, installed by hand with these values and the version docs/deploy.md gives
        Matcher install = Pattern.compile("helm (?:upgrade --install|install) argocd argo/argo-cd --version (\\S+)")
                .matcher(Repo.read(Repo.path("docs/deploy.md")));
        assertThat(install.find()).as("docs/deploy.md installs Argo CD with a pinned chart version").isTrue();
        problems.addAll(checkChart("argo-cd", "https://argoproj.github.io/argo-helm", install.group(1),
                Kustomize.readYaml(ARGOCD_VALUES)));
        assertThat(Repo.read(Repo.path("docs/deploy.md"))).as("docs/deploy.md installs Argo CD with the values file")
                .contains("-f kubernetes/platform/argocd-values.yaml");
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFailsForAVersionThatDoesNotExistAndAKeyThatIsNotThere() {
        ObjectNode values = Kustomize.YAML.createObjectNode();
        values.putObject("datadog").put("noSuchKey", true);
        assertThat(checkChart("datadog", "https://helm.datadoghq.com", "3.82.6", values))
                .anyMatch(p -> p.contains("3.82.6 is not in its repository's index"));
        assertThat(checkChart("datadog", "https://helm.datadoghq.com", chartFacts("datadog").path("pinned").path("version").asText(), values))
                .anyMatch(p -> p.contains("has no value datadog.noSuchKey"));
    }

    /** A Secret we create by hand (docs/deploy.md) must not also be made by the chart, or one of us fails or wins. */
    @Test
    void secretsCreatedByHandAreNotAlsoCreatedByTheCharts() {
        Set<String> byHand = ExternalSecrets.documented();
        JsonNode behaviour = behaviour();
        List<String> problems = new ArrayList<>();
        for (String env : ENVIRONMENTS) {
            Map<String, JsonNode> valuesByChart = new LinkedHashMap<>();
            applications(env).stream().filter(a -> a.path("spec").path("source").has("chart"))
                    .forEach(a -> valuesByChart.put(a.path("spec").path("source").path("chart").asText(), values(a)));
            valuesByChart.put("argo-cd", Kustomize.readYaml(ARGOCD_VALUES));
            behaviour.fields().forEachRemaining(chart -> {
                for (JsonNode secret : chart.getValue().path("createsSecrets")) {
                    String id = secret.path("namespace").asText() + "/" + secret.path("name").asText();
                    if (byHand.contains(id) && !setTo(valuesByChart.get(chart.getKey()), secret.path("disabledBy").asText())) {
                        problems.add(env + ": " + chart.getKey() + " creates " + id + ", which docs/deploy.md creates by hand; set "
                                + secret.path("disabledBy").asText());
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    /** "a.b.c=value": the values tree has that value at that path. */
    static boolean setTo(JsonNode values, String assignment) {
        if (values == null) {
            return false;
        }
        String[] parts = assignment.split("=", 2);
        JsonNode node = values;
        for (String key : parts[0].split("\\.")) {
            node = node.path(key);
        }
        return !node.isMissingNode() && node.asText().equals(parts[1]);
    }

    @Test
    void webhookCertificatesTheLoadBalancerControllerChartRegeneratesAreIgnoredAndKept() {
        for (String env : ENVIRONMENTS) {
            JsonNode spec = application(env, "aws-load-balancer-controller").path("spec");
            for (JsonNode regenerated : behaviour().path("aws-load-balancer-controller").path("regeneratedOnRender")) {
                boolean ignored = false;
                for (JsonNode ignore : spec.path("ignoreDifferences")) {
                    boolean same = ignore.path("group").asText("").equals(regenerated.path("group").asText())
                            && ignore.path("kind").asText().equals(regenerated.path("kind").asText())
                            && ignore.path("name").asText(regenerated.path("name").asText()).equals(regenerated.path("name").asText());
                    Set<String> paths = strings(ignore.path("jqPathExpressions"));
                    paths.addAll(strings(ignore.path("jsonPointers")));
                    ignored |= same && paths.contains(regenerated.path("path").asText());
                }
                assertThat(ignored).as(env + ": ignoreDifferences of aws-load-balancer-controller covers " + regenerated).isTrue();
            }
            assertThat(strings(spec.path("syncPolicy").path("syncOptions"))).as("the live certificate is kept on sync")
                    .contains("RespectIgnoreDifferences=true");
        }
    }

    static int wave(JsonNode app) {
        return Integer.parseInt(app.path("metadata").path("annotations").path("argocd.argoproj.io/sync-wave").asText("0"));
    }

    /** An add-on's ServiceMonitor, and the shop's custom resources, sync in a later wave than their CRDs' chart. */
    @Test
    void customResourcesSyncAfterTheAddOnThatDefinesThem() {
        JsonNode behaviour = behaviour();
        List<String> problems = new ArrayList<>();
        for (String env : ENVIRONMENTS) {
            List<ObjectNode> apps = applications(env);
            Map<String, ObjectNode> providers = new LinkedHashMap<>();
            for (ObjectNode app : apps) {
                String chart = app.path("spec").path("source").path("chart").asText("");
                behaviour.path(chart).path("providesApiGroups").forEach(g -> providers.put(g.asText(), app));
            }
            for (ObjectNode app : apps) {
                Set<String> groups = new HashSet<>();
                JsonNode source = app.path("spec").path("source");
                String chart = source.path("chart").asText("");
                if (!chart.isEmpty()) {
                    String when = behaviour.path(chart).path("serviceMonitorWhen").asText("");
                    if (!when.isEmpty() && setTo(values(app), when)) {
                        groups.add("monitoring.coreos.com");
                    }
                } else if (!source.path("path").asText().startsWith("kubernetes/platform/")) {
                    for (ObjectNode object : Kustomize.build(Repo.path(source.path("path").asText()))) {
                        groups.add(object.path("apiVersion").asText().contains("/") ? object.path("apiVersion").asText().split("/")[0] : "");
                    }
                }
                for (String group : groups) {
                    ObjectNode provider = providers.get(group);
                    if (provider != null && provider != app && wave(provider) >= wave(app)) {
                        problems.add(env + ": " + Kustomize.id(app) + " (wave " + wave(app) + ") uses " + group + " from "
                                + Kustomize.id(provider) + " (wave " + wave(provider) + ")");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Kustomize.readYaml(ARGOCD_VALUES).path("configs").path("cm")
                .path("resource.customizations.health.argoproj.io_Application").asText())
                .as("Argo CD waits for an Application's health between waves only with this health check").contains("obj.status.health");
    }

    /**
     * Deleting or renaming an Application with the resources finalizer deletes everything it built: it must build no
     * namespace another Application (or Argo CD) lives in, and the namespace it does build must be kept (Delete=false).
     */
    @Test
    void applicationsThatCascadeOwnNoNamespaceOfThePlatform() {
        List<String> problems = new ArrayList<>();
        for (String env : ENVIRONMENTS) {
            List<ObjectNode> apps = applications(env);
            for (ObjectNode app : apps) {
                JsonNode source = app.path("spec").path("source");
                if (source.has("chart") || source.path("path").asText().startsWith("kubernetes/platform/")) {
                    continue;
                }
                boolean cascades = strings(app.path("metadata").path("finalizers")).stream().anyMatch(f -> f.startsWith("resources-finalizer"));
                Set<String> others = new HashSet<>(Set.of("argocd"));
                apps.stream().filter(a -> a != app).forEach(a -> others.add(a.path("spec").path("destination").path("namespace").asText()));
                for (ObjectNode ns : DeliveryManifestsTest.ofKind(Kustomize.build(Repo.path(source.path("path").asText())), "Namespace")) {
                    String name = ns.path("metadata").path("name").asText();
                    if (others.contains(name)) {
                        problems.add(env + ": " + Kustomize.id(app) + " builds Namespace " + name + ", which the platform uses");
                    }
                    String options = ns.path("metadata").path("annotations").path("argocd.argoproj.io/sync-options").asText("");
                    if (cascades && !options.replace(" ", "").matches("(.*,)?Delete=false(,.*)?")) {
                        problems.add(env + ": " + Kustomize.id(app) + " would delete Namespace " + name + " with itself (no Delete=false)");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * RDS rotates the master password; External Secrets copies it into the Secret within its refresh interval; then
     * Reloader must restart every pod reading it, the storefront Rollout in place (no new revision to analyse and
     * promote by hand).
     */
    @Test
    void podsReadingARotatedSecretAreRestartedWhenItChanges() {
        JsonNode reloader = behaviour().path("reloader");
        for (String env : ENVIRONMENTS) {
            ObjectNode app = application(env, "reloader");
            assertThat(setTo(values(app), reloader.path("argoRolloutsEnabledBy").asText())).as("Reloader handles Rollouts").isTrue();
            List<ObjectNode> objects = DeliveryManifestsTest.overlay(env);
            Set<String> rotated = new HashSet<>();
            for (ObjectNode external : DeliveryManifestsTest.ofKind(objects, "ExternalSecret")) {
                JsonNode spec = external.path("spec");
                String target = spec.path("target").path("name").asText(external.path("metadata").path("name").asText());
                rotated.add(target);
                if (spec.path("dataFrom").toString().contains("rds!db-")) {
                    assertThat(duration(spec.path("refreshInterval").asText())).as(env + ": refreshInterval of " + target)
                            .isLessThanOrEqualTo(Duration.ofMinutes(5));
                }
            }
            for (ObjectNode workload : DeliveryManifestsTest.shopWorkloads(objects)) {
                JsonNode annotations = workload.path("metadata").path("annotations");
                Set<String> reloaded = new HashSet<>(List.of(annotations.path(reloader.path("secretReloadAnnotation").asText()).asText("").split(",")));
                for (JsonNode from : workload.path("spec").path("template").path("spec").path("containers").get(0).path("envFrom")) {
                    String secret = from.path("secretRef").path("name").asText("");
                    if (rotated.contains(secret)) {
                        assertThat(reloaded).as(env + ": " + Kustomize.id(workload) + " restarts when " + secret + " changes").contains(secret);
                    }
                }
                if (workload.path("kind").asText().equals("Rollout")) {
                    assertThat(annotations.path(reloader.path("rolloutStrategyAnnotation").asText()).asText())
                            .as(env + ": " + Kustomize.id(workload) + " restarts in place").isEqualTo(reloader.path("restartInPlace").asText());
                }
            }
        }
    }

    static Duration duration(String text) {
        Matcher m = Pattern.compile("(\\d+)([smh])").matcher(text);
        assertThat(m.matches()).as("duration " + text).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

}
