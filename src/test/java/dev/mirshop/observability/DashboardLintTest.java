package dev.mirshop.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an on-call engineer needs from every dashboard JSON in grafana-dashboards/ (issue 19): panels with a
 * description, a unit, thresholds where a number has a meaning, links down to the next dashboard and to a runbook
 * that exists; deploy annotations from the version label; exemplars on latency panels; and an overview whose top
 * row says whether the shop is OK. DashboardQueriesTest runs the same queries against a real Prometheus.
 */
class DashboardLintTest {

    static final Path DASHBOARDS = Path.of("grafana-dashboards");
    /** Percentages and durations that have no good or bad value. */
    static final Set<String> NO_THRESHOLD_ON_PURPOSE = Set.of("Ad click-through rate by campaign");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyPanelHasADescriptionAUnitThresholdsWhereMeaningfulAndLinksToADashboardAndARunbook() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> uids = AlertRulesTest.dashboardUids();
        assertThat(uids).contains("mir-shop-overview", "mir-shop-slo", "mir-shop-postgresql");
        int panels = 0;
        for (Path file : dashboardFiles()) {
            JsonNode root = json.readTree(file.toFile());
            String name = file.getFileName().toString();
            for (JsonNode panel : root.path("panels")) {
                panels++;
                String where = name + " / " + panel.path("title").asText();
                JsonNode defaults = panel.path("fieldConfig").path("defaults");
                if (panel.path("description").asText().isBlank()) {
                    problems.add(where + ": no description");
                }
                String unit = defaults.path("unit").asText();
                if (unit.isBlank()) {
                    problems.add(where + ": no unit");
                }
                boolean hasThresholds = defaults.path("thresholds").path("steps").size() >= 2;
                boolean meaningful = Set.of("percentunit", "s", "ms").contains(unit) || panel.path("type").asText().equals("stat")
                        && panel.path("options").path("colorMode").asText().equals("background");
                if (meaningful && !hasThresholds && !NO_THRESHOLD_ON_PURPOSE.contains(panel.path("title").asText())) {
                    problems.add(where + ": a " + unit + " panel without thresholds");
                }
                if (hasThresholds && panel.path("type").asText().equals("timeseries")
                        && defaults.path("custom").path("thresholdsStyle").path("mode").asText("off").equals("off")) {
                    problems.add(where + ": thresholds that are never drawn");
                }
                boolean toDashboard = false;
                boolean toRunbook = false;
                for (JsonNode link : panel.path("links")) {
                    String url = link.path("url").asText();
                    Matcher dashboard = Pattern.compile("^/d/([\\w-]+)").matcher(url);
                    if (dashboard.find()) {
                        toDashboard = true;
                        if (!uids.contains(dashboard.group(1)) && !AlertRulesTest.KUBE_PROMETHEUS_STACK_DASHBOARDS.contains(dashboard.group(1))) {
                            problems.add(where + ": links a dashboard that does not exist: " + url);
                        }
                    }
                    Matcher runbook = Pattern.compile("^\\$\\{runbooks}(\\w+\\.md)$").matcher(url);
                    if (runbook.find()) {
                        toRunbook = true;
                        if (!Files.exists(Path.of("docs/runbooks", runbook.group(1)))) {
                            problems.add(where + ": links a runbook that does not exist: " + url);
                        }
                    } else if (url.startsWith(runbookBase())) {
                        toRunbook = true;
                    }
                }
                if (!toDashboard || !toRunbook) {
                    problems.add(where + ": needs links to the next dashboard and to a runbook");
                }
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    if (expr.contains("histogram_quantile") && expr.contains("http_") && !target.path("exemplar").asBoolean()) {
                        problems.add(where + ": latency query without exemplars (trace links)");
                    }
                }
            }
        }
        assertThat(panels).isGreaterThan(60);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDashboardHasDeployAndFaultAnnotationsNavigationAndTheOneRunbookBase() throws IOException {
        for (Path file : dashboardFiles()) {
            JsonNode root = json.readTree(file.toFile());
            String name = file.getFileName().toString();
            assertThat(root.path("uid").asText()).as(name).startsWith("mir-shop-");
            assertThat(root.path("description").asText()).as(name + " description").isNotBlank();
            JsonNode deploys = find(root.path("annotations").path("list"), "name", "Deploys");
            assertThat(deploys).as(name + ": deploy annotation").isNotNull();
            assertThat(deploys.path("expr").asText()).as(name + ": deploys are a new version label").contains("by (service, version)", "offset");
            assertThat(deploys.path("titleFormat").asText()).contains("{{version}}");
            JsonNode faults = find(root.path("annotations").path("list"), "name", "Faults");
            assertThat(faults).as(name + ": fault annotation (issue 16: the fault's timeline on every dashboard)").isNotNull();
            assertThat(faults.path("expr").asText()).as(name + ": faults are shop_fault_active").contains("shop_fault_active", "by (fault");
            assertThat(faults.path("titleFormat").asText()).contains("{{fault}}");
            JsonNode links = root.path("links");
            assertThat(find(links, "type", "dashboards")).as(name + ": links to the other MIR Shop dashboards").isNotNull();
            assertThat(links.toString()).as(name + ": links the cluster's workload dashboards").contains("/d/85a562078cdf77779eaa1add43ccec1e");
            JsonNode runbooks = find(root.path("templating").path("list"), "name", "runbooks");
            assertThat(runbooks).as(name + ": the runbooks constant").isNotNull();
            assertThat(runbooks.path("query").asText()).as(name + ": runbook base = runbook_base of " + AlertRulesTest.LINKS_RULE)
                    .isEqualTo(runbookBase());
        }
    }

    @Test
    void theOverviewsTopRowSaysWhetherTheShopIsOk() throws IOException {
        JsonNode root = json.readTree(DASHBOARDS.resolve("shop-overview.json").toFile());
        List<JsonNode> top = new ArrayList<>();
        root.path("panels").forEach(p -> {
            if (p.path("gridPos").path("y").asInt() == 0) {
                top.add(p);
            }
        });
        assertThat(top).allSatisfy(p -> assertThat(p.path("type").asText()).isEqualTo("stat"));
        assertThat(top.stream().mapToInt(p -> p.path("gridPos").path("w").asInt()).sum()).as("the row is full").isEqualTo(24);
        String queries = top.stream().map(p -> p.path("targets").toString()).reduce("", String::concat);
        assertThat(queries).as("availability SLO status").contains("status=~\\\"5..\\\"");
        assertThat(queries).as("latency SLO status").contains("le=\\\"0.5\\\"");
        assertThat(queries).as("budget left").contains("availability_budget_remaining", "latency_budget_remaining");
        assertThat(queries).as("firing alerts").contains("ALERTS{alertstate=\\\"firing\\\", team=\\\"mir-shop\\\"");
        assertThat(queries).as("orders per minute against normal").contains("shop_orders_placed_total", "offset 1w");
        assertThat(top).allSatisfy(p -> assertThat(p.path("fieldConfig").path("defaults").has("thresholds")
                || p.path("options").path("colorMode").asText().equals("value")).isTrue());
    }

    @Test
    void theSloAndPostgresqlDashboardsShipAsConfigMapsLikeTheOthers() throws IOException {
        String kustomization = Files.readString(DASHBOARDS.resolve("kustomization.yaml"));
        for (Path file : dashboardFiles()) {
            assertThat(kustomization).contains("- " + file.getFileName());
        }
        assertThat(DashboardQueriesTest.DASHBOARDS).containsExactlyInAnyOrderElementsOf(
                dashboardFiles().stream().map(p -> p.getFileName().toString()).toList());
    }

    static String runbookBase() throws IOException {
        Matcher m = Pattern.compile("runbook_base: (\\S+)").matcher(Files.readString(AlertRulesTest.RULES));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        return null;
    }
}
