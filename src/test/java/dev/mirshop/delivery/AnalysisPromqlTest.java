package dev.mirshop.delivery;

import dev.mirshop.testing.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Prometheus query of every AnalysisTemplate in the built overlays, with its {{args.*}} filled in, is valid
 * PromQL according to promtool: each becomes a recording rule in a temporary rule file that
 * `promtool check rules` must accept.
 */
class AnalysisPromqlTest {

    private static final Pattern ARG = Pattern.compile("\\{\\{\\s*args\\.([A-Za-z0-9_-]+)\\s*}}");

    record Query(String where, String promql) {
    }

    @Test
    void everyAnalysisQueryPassesPromtool(@TempDir Path dir) throws IOException {
        Path promtool = Tools.promtool();
        List<Query> queries = new ArrayList<>();
        for (String env : List.of("dev", "prod")) {
            queries.addAll(queries(Kustomize.build(Repo.path("kubernetes/overlays/" + env)), env));
        }
        assertThat(queries).as("Prometheus queries in AnalysisTemplates").isNotEmpty();
        assertThat(queries).extracting(Query::promql)
                .anyMatch(q -> q.contains("http_server_requests_seconds_count") && q.contains("status=~\"5..\""))
                .anyMatch(q -> q.contains("histogram_quantile(0.99") && q.contains("http_server_requests_seconds_bucket"))
                .allMatch(q -> q.contains("rollouts_pod_template_hash="));

        Path rules = dir.resolve("analysis.rules.yml");
        Files.writeString(rules, ruleFile(queries));
        Tools.Result result = Tools.run(dir, 60, promtool.toString(), "check", "rules", rules.toString());
        assertThat(result.exitCode()).as("promtool check rules:\n" + result.stdout() + result.stderr()
                + "\nqueries:\n" + String.join("\n", queries.stream().map(Query::where).toList())).isZero();
    }

    @Test
    void promtoolRejectsABrokenQuerySoTheCheckAboveCanFail(@TempDir Path dir) throws IOException {
        Path promtool = Tools.promtool();
        Path rules = dir.resolve("broken.rules.yml");
        Files.writeString(rules, ruleFile(List.of(new Query("broken", "sum(rate(http_server_requests_seconds_count[2m])"))));
        assertThat(Tools.run(dir, 60, promtool.toString(), "check", "rules", rules.toString()).exitCode()).isNotZero();
    }

    static List<Query> queries(List<ObjectNode> objects, String env) {
        List<Query> queries = new ArrayList<>();
        for (ObjectNode template : objects) {
            if (!template.path("kind").asText().equals("AnalysisTemplate")) {
                continue;
            }
            Map<String, String> args = new HashMap<>();
            for (JsonNode arg : template.path("spec").path("args")) {
                args.put(arg.path("name").asText(), arg.path("value").asText("sample-" + arg.path("name").asText()));
            }
            for (JsonNode metric : template.path("spec").path("metrics")) {
                JsonNode prometheus = metric.path("provider").path("prometheus");
                if (prometheus.has("query")) {
                    queries.add(new Query(env + " " + Kustomize.id(template) + " metric " + metric.path("name").asText(),
                            fill(prometheus.path("query").asText(), args)));
                }
            }
        }
        return queries;
    }

    static String fill(String text, Map<String, String> args) {
        Matcher m = ARG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            assertThat(args).as("argument " + m.group(1) + " is declared").containsKey(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(args.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String ruleFile(List<Query> queries) {
        Map<String, Object> group = new LinkedHashMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "analysis:query_" + i);
            rule.put("expr", queries.get(i).promql());
            rules.add(rule);
        }
        group.put("name", "rollout-analysis");
        group.put("rules", rules);
        try {
            return Kustomize.YAML.writeValueAsString(Map.of("groups", List.of(group)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
