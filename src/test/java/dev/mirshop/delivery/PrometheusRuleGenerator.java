package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Wraps each Prometheus rule file {@code grafana-dashboards/alerts/<name>.rules.yml} into a PrometheusRule
 * custom resource at {@code grafana-dashboards/generated/<name>.prometheusrule.yaml}. Kustomize cannot nest a
 * file's content under {@code spec}, so this generator does it, and PrometheusRuleInSyncTest fails whenever a
 * generated file differs from what the rule file gives today.
 */
public final class PrometheusRuleGenerator {

    static final String RULE_SUFFIX = ".rules.yml";
    static final String OUTPUT_SUFFIX = ".prometheusrule.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private PrometheusRuleGenerator() {
    }

    /** Rule files in alerts/ (the promtool unit tests, *.rules.test.yml, are not rule files). */
    static Stream<Path> ruleFiles(Path dashboardsDir) {
        Path alerts = dashboardsDir.resolve("alerts");
        if (!Files.isDirectory(alerts)) {
            return Stream.empty();
        }
        try {
            return Files.list(alerts)
                    .filter(p -> p.getFileName().toString().endsWith(RULE_SUFFIX))
                    .sorted()
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String ruleName(Path ruleFile) {
        String file = ruleFile.getFileName().toString();
        return file.substring(0, file.length() - RULE_SUFFIX.length());
    }

    static Path outputFor(Path dashboardsDir, Path ruleFile) {
        return dashboardsDir.resolve("generated").resolve(ruleName(ruleFile) + OUTPUT_SUFFIX);
    }

    /** What the generated file must contain for this rule file. */
    static String render(Path dashboardsDir, Path ruleFile) throws IOException {
        JsonNode rules = YAML.readTree(ruleFile.toFile());
        if (rules == null || !rules.path("groups").isArray()) {
            throw new IllegalArgumentException(ruleFile + " is not a Prometheus rule file (no top-level groups:)");
        }
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("release", "kube-prometheus-stack");
        labels.put("app.kubernetes.io/part-of", "mir-shop");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", ruleName(ruleFile));
        metadata.put("labels", labels);
        ObjectNode resource = YAML.createObjectNode();
        resource.put("apiVersion", "monitoring.coreos.com/v1");
        resource.put("kind", "PrometheusRule");
        resource.set("metadata", YAML.valueToTree(metadata));
        resource.putObject("spec").set("groups", rules.get("groups"));
        String source = dashboardsDir.relativize(ruleFile).toString().replace('\\', '/');
        return "# GENERATED from grafana-dashboards/" + source + " by dev.mirshop.delivery.PrometheusRuleGenerator.\n"
                + "# Do not edit: change the rule file, then run\n"
                + "#   mvn -B -q test -Dtest=PrometheusRuleInSyncTest -Ddelivery.regenerate=true\n"
                + YAML.writeValueAsString(resource);
    }

    /** Writes every generated file; returns how many were written. */
    static int generate(Path dashboardsDir) throws IOException {
        Files.createDirectories(dashboardsDir.resolve("generated"));
        int written = 0;
        for (Path ruleFile : ruleFiles(dashboardsDir).toList()) {
            Files.writeString(outputFor(dashboardsDir, ruleFile), render(dashboardsDir, ruleFile));
            written++;
        }
        return written;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "grafana-dashboards");
        System.out.println("generated " + generate(dir) + " PrometheusRule file(s) in " + dir.resolve("generated"));
    }
}
