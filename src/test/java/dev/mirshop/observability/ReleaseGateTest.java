package dev.mirshop.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.mirshop.testing.Tools;

/**
 * The release gate (kubernetes/base/shop/storefront-analysis.yaml) fails a release that serves nothing. Each
 * Prometheus metric of the AnalysisTemplate becomes a recording rule with its arguments filled in, and its
 * successCondition becomes a PromQL verdict (1 = the measurement passes, 0 = it fails). promtool then evaluates
 * them on series where the new pods (hash {@value #NEW}) serve nothing while the old ones serve shoppers, where the
 * new pods are not scraped at all, where they fail, and where they are healthy.
 */
class ReleaseGateTest {

    static final Path TEMPLATE = Path.of("kubernetes/base/shop/storefront-analysis.yaml");
    static final String NEW = "6d8f9c7b5";
    static final String OLD = "58c4b9d7f";

    record Metric(String name, String query, String condition) {
        String record() {
            return "analysis:" + name.replace('-', '_');
        }
    }

    @TempDir
    Path dir;

    @Test
    void theGateFailsWhenTheNewPodsServeNothingOrAreNotScrapedAndPassesAHealthyRelease() throws Exception {
        List<Metric> metrics = metrics();
        assertThat(metrics).extracting(Metric::name).contains("new-pods-scraped", "requests-served", "error-ratio", "p99-latency");

        // Old pods keep serving shoppers in every scenario: the gate must not borrow their traffic.
        List<String> old = List.of(
                series("up", OLD, "", "1+0x40"),
                series("http_server_requests_seconds_count", OLD, ",status=\"200\"", "0+300x40"),
                bucket(OLD, "0.5", "0+300x40"), bucket(OLD, "+Inf", "0+300x40"));
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("new pods scraped but serving nothing (smoke job over, counters flat)", new Scenario(concat(old,
                series("up", NEW, "", "1+0x40"),
                series("http_server_requests_seconds_count", NEW, ",status=\"200\"", "60+0x40"),
                bucket(NEW, "0.5", "60+0x40"), bucket(NEW, "+Inf", "60+0x40")),
                Map.of("new-pods-scraped", 1, "requests-served", 0, "error-ratio", 0, "p99-latency", 0)));
        scenarios.put("new pods not scraped at all", new Scenario(old,
                Map.of("new-pods-scraped", 0, "requests-served", 0, "error-ratio", 0, "p99-latency", 0)));
        scenarios.put("new pods answer 5xx and slowly", new Scenario(concat(old,
                series("up", NEW, "", "1+0x40"),
                series("http_server_requests_seconds_count", NEW, ",status=\"200\"", "0+4x40"),
                series("http_server_requests_seconds_count", NEW, ",status=\"500\"", "0+1x40"),
                bucket(NEW, "0.5", "0+1x40"), bucket(NEW, "0.75", "0+2x40"), bucket(NEW, "2.5", "0+3x40"),
                bucket(NEW, "+Inf", "0+5x40")),
                Map.of("new-pods-scraped", 1, "requests-served", 1, "error-ratio", 0, "p99-latency", 0)));
        scenarios.put("healthy new pods", new Scenario(concat(old,
                series("up", NEW, "", "1+0x40"),
                series("http_server_requests_seconds_count", NEW, ",status=\"200\"", "0+5x40"),
                bucket(NEW, "0.5", "0+5x40"), bucket(NEW, "+Inf", "0+5x40")),
                Map.of("new-pods-scraped", 1, "requests-served", 1, "error-ratio", 1, "p99-latency", 1)));
        scenarios.forEach((name, s) -> {
            boolean healthy = name.equals("healthy new pods");
            assertThat(s.verdicts().containsValue(0)).as(name + ": some metric fails unless the release is healthy").isEqualTo(!healthy);
        });

        Path rules = Files.writeString(dir.resolve("gate.rules.yml"), ruleFile(metrics));
        Path tests = Files.writeString(dir.resolve("gate.test.yml"), testFile(rules, metrics, scenarios));
        Path promtool = Tools.promtool();
        Process process = new ProcessBuilder(promtool.toString(), "test", "rules", tests.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("promtool test rules:\n" + out + "\n" + Files.readString(rules)).isZero();
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void everyMetricCanFailTheRun() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile()).path("spec");
        for (JsonNode metric : spec.path("metrics")) {
            if (metric.path("provider").has("prometheus")) {
                assertThat(metric.path("failureLimit").asInt()).as(metric.path("name").asText() + ": failureLimit below count")
                        .isLessThan(metric.path("count").asInt());
                assertThat(metric.has("failureCondition")).as("no failureCondition: a measurement missing the successCondition fails, "
                        + "none is inconclusive").isFalse();
            }
        }
    }

    /** The verdict of a successCondition in PromQL. Only the forms the template uses are understood. */
    static String verdict(Metric metric) {
        List<String> terms = new ArrayList<>();
        for (String term : metric.condition().split("&&")) {
            term = term.strip();
            Matcher comparison = Pattern.compile("result\\[0] (<=|>=|<|>|==) ([0-9.]+)").matcher(term);
            if (term.equals("!isNaN(result[0])")) {
                terms.add(metric.record() + " == " + metric.record());
            } else if (comparison.matches()) {
                terms.add(metric.record() + " " + comparison.group(1) + " " + comparison.group(2));
            } else {
                throw new AssertionError(metric.name() + ": condition term not understood by this test: " + term);
            }
        }
        return "count(" + String.join(" and ", terms.stream().map(t -> "(" + t + ")").toList()) + ") or vector(0)";
    }

    record Scenario(List<String> series, Map<String, Integer> verdicts) {
    }

    static List<Metric> metrics() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile()).path("spec");
        Map<String, String> args = new LinkedHashMap<>();
        for (JsonNode arg : spec.path("args")) {
            args.put(arg.path("name").asText(), arg.path("value").asText(""));
        }
        args.put("namespace", "ecommerce");
        args.put("pod-template-hash", NEW);
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode metric : spec.path("metrics")) {
            JsonNode prometheus = metric.path("provider").path("prometheus");
            if (prometheus.has("query")) {
                metrics.add(new Metric(metric.path("name").asText(), fill(prometheus.path("query").asText(), args),
                        fill(metric.path("successCondition").asText(), args)));
            }
        }
        return metrics;
    }

    static String fill(String text, Map<String, String> args) {
        Matcher m = Pattern.compile("\\{\\{\\s*args\\.([\\w-]+)\\s*}}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            assertThat(args.get(m.group(1))).as("argument " + m.group(1)).isNotEmpty();
            m.appendReplacement(out, Matcher.quoteReplacement(args.get(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static String ruleFile(List<Metric> metrics) {
        StringBuilder out = new StringBuilder("groups:\n- name: gate-queries\n  rules:\n");
        for (Metric m : metrics) {
            out.append("  - record: ").append(m.record()).append("\n    expr: |-\n")
                    .append(m.query().strip().indent(6).stripTrailing()).append('\n');
        }
        out.append("- name: gate-verdicts\n  rules:\n");
        for (Metric m : metrics) {
            out.append("  - record: ").append(m.record()).append(":pass\n    expr: ").append(quote(verdict(m))).append('\n');
        }
        return out.toString();
    }

    private static String testFile(Path rules, List<Metric> metrics, Map<String, Scenario> scenarios) {
        StringBuilder out = new StringBuilder("rule_files:\n- ").append(rules).append("\nevaluation_interval: 15s\ntests:\n");
        scenarios.forEach((name, scenario) -> {
            out.append("- name: ").append(quote(name)).append("\n  interval: 15s\n  input_series:\n");
            for (String s : scenario.series()) {
                out.append(s);
            }
            out.append("  promql_expr_test:\n");
            for (Metric m : metrics) {
                out.append("  - expr: ").append(m.record()).append(":pass\n    eval_time: 4m\n    exp_samples:\n")
                        .append("    - labels: ").append(m.record()).append(":pass\n      value: ")
                        .append(scenario.verdicts().get(m.name())).append('\n');
            }
        });
        return out.toString();
    }

    private static String series(String metric, String hash, String labels, String values) {
        return "  - series: " + quote(metric + "{namespace=\"ecommerce\",rollouts_pod_template_hash=\"" + hash + "\",instance=\"" + hash
                + ":8080\",method=\"GET\",uri=\"root\"" + labels + "}") + "\n    values: " + quote(values) + "\n";
    }

    private static String bucket(String hash, String le, String values) {
        return series("http_server_requests_seconds_bucket", hash, ",status=\"200\",le=\"" + le + "\"", values);
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
