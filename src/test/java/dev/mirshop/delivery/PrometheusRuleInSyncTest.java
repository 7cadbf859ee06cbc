package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PrometheusRule objects in grafana-dashboards/generated/ are generated from the rule files in
 * grafana-dashboards/alerts/ and must never drift from them. Run with -Ddelivery.regenerate=true to rewrite them.
 */
class PrometheusRuleInSyncTest {

    private final Path dashboards = Repo.path("grafana-dashboards");

    @Test
    void generatedPrometheusRulesMatchTheRuleFiles() throws IOException {
        if (Boolean.getBoolean("delivery.regenerate")) {
            PrometheusRuleGenerator.generate(dashboards);
        }
        List<Path> ruleFiles = PrometheusRuleGenerator.ruleFiles(dashboards).toList();
        assertThat(ruleFiles).as("rule files grafana-dashboards/alerts/*.rules.yml").isNotEmpty();
        for (Path ruleFile : ruleFiles) {
            Path generated = PrometheusRuleGenerator.outputFor(dashboards, ruleFile);
            assertThat(generated).as("generated PrometheusRule for " + Repo.relative(ruleFile)
                    + " (run: mvn -B -q test -Dtest=PrometheusRuleInSyncTest -Ddelivery.regenerate=true)").exists();
            assertThat(Files.readString(generated))
                    .as(Repo.relative(generated) + " is stale; regenerate with -Ddelivery.regenerate=true")
                    .isEqualTo(PrometheusRuleGenerator.render(dashboards, ruleFile));
        }
    }

    @Test
    void kustomizationListsExactlyTheGeneratedRulesAndEveryDashboard() {
        JsonNode kustomization = Kustomize.readYaml(dashboards.resolve("kustomization.yaml"));
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asText()));
        List<String> expected = PrometheusRuleGenerator.ruleFiles(dashboards)
                .map(f -> dashboards.relativize(PrometheusRuleGenerator.outputFor(dashboards, f)).toString())
                .toList();
        assertThat(resources).containsExactlyInAnyOrderElementsOf(expected);
        List<String> generatedFiles = Repo.files(dashboards.resolve("generated"), p -> true).stream()
                .map(p -> dashboards.relativize(p).toString()).toList();
        assertThat(generatedFiles).as("no orphan in generated/").containsExactlyInAnyOrderElementsOf(expected);

        List<String> dashboardFiles = new ArrayList<>();
        kustomization.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> dashboardFiles.add(f.asText())));
        List<String> jsonFiles = Repo.files(dashboards, p -> p.getParent().equals(dashboards) && p.toString().endsWith(".json"))
                .stream().map(p -> p.getFileName().toString()).toList();
        assertThat(dashboardFiles).as("configMapGenerator files of grafana-dashboards/kustomization.yaml")
                .containsExactlyInAnyOrderElementsOf(jsonFiles);
    }

    @Test
    void theGeneratorRefusesAFileThatIsNotARuleFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("alerts"));
        Path broken = Files.writeString(dir.resolve("alerts/broken.rules.yml"), "rules: []\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrometheusRuleGenerator.render(dir, broken))
                .hasMessageContaining("not a Prometheus rule file");
        Files.writeString(broken, "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n");
        assertThat(PrometheusRuleGenerator.render(dir, broken)).contains("kind: PrometheusRule", "name: broken",
                "release: kube-prometheus-stack", "alert: A");
    }
}
