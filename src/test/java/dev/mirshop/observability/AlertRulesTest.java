package dev.mirshop.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The alert rules in grafana-dashboards/alerts/ are valid (promtool check rules), their unit tests pass
 * (promtool test rules), every alert is tested both firing and silent, and every alert has its runbook.
 */
class AlertRulesTest {

    static final Path ALERTS = Path.of("grafana-dashboards/alerts");
    static final Path RULES = ALERTS.resolve("mir-shop.rules.yml");
    static final Path RULE_TESTS = ALERTS.resolve("mir-shop.rules.test.yml");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Path promtool = Tools.require("promtool", "prometheus", "promtool", "/usr/bin/promtool");
        String out = run(promtool.toString(), "check", "rules", RULES.toString());
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        Path promtool = Tools.require("promtool", "prometheus", "promtool", "/usr/bin/promtool");
        String out = run(promtool.toString(), "test", "rules", RULE_TESTS.toString());
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void everyAlertIsTestedFiringAndSilent() throws IOException {
        Set<String> alerts = alertNames();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(14);
        String tests = Files.readString(RULE_TESTS);
        Matcher m = Pattern.compile("alertname: (\\w+)\\n\\s+exp_alerts:( \\[\\])?").matcher(tests);
        Set<String> firing = new LinkedHashSet<>();
        Set<String> silent = new LinkedHashSet<>();
        while (m.find()) {
            (m.group(2) == null ? firing : silent).add(m.group(1));
        }
        assertThat(firing).as("alerts with a test case where they fire").containsAll(alerts);
        assertThat(silent).as("alerts with a test case where they stay silent").containsAll(alerts);
    }

    @Test
    void everyAlertHasSeveritySummaryDescriptionAndAnExistingRunbook() throws IOException {
        String rules = Files.readString(RULES);
        String[] blocks = rules.split("\\n  - alert: ");
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i];
            String name = block.substring(0, block.indexOf('\n')).trim();
            for (String key : List.of("severity: ", "summary: ", "description: ", "runbook_url: ")) {
                if (!block.contains(key)) {
                    problems.add(name + " has no " + key.trim());
                }
            }
            if (!block.matches("(?s).*severity: (critical|warning|info)\\n.*")) {
                problems.add(name + " has an unknown severity");
            }
            Matcher runbook = Pattern.compile("runbook_url: (\\S+)").matcher(block);
            if (!runbook.find() || !runbook.group(1).endsWith("docs/runbooks/" + name + ".md")) {
                problems.add(name + " does not link docs/runbooks/" + name + ".md");
            }
            Path page = Path.of("docs/runbooks", name + ".md");
            if (!Files.exists(page)) {
                problems.add(name + ": " + page + " does not exist");
            } else {
                String text = Files.readString(page);
                if (!text.contains("## What to check") || !text.contains("## What to do")) {
                    problems.add(page + " does not say what to check and what to do");
                }
            }
        }
        assertThat(blocks.length - 1).isEqualTo(alertNames().size());
        assertThat(problems).isEmpty();
    }

    static Set<String> alertNames() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+- alert: (\\w+)$").matcher(Files.readString(RULES));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The alert expressions (for DashboardQueriesTest), from the literal blocks of the rule file. */
    static List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        List<String> lines = Files.readAllLines(RULES);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.matches("\\s+expr: \\|-?")) {
                int indent = -1;
                StringBuilder expr = new StringBuilder();
                for (i = i + 1; i < lines.size(); i++) {
                    String next = lines.get(i);
                    int lead = next.length() - next.stripLeading().length();
                    if (indent < 0) {
                        indent = lead;
                    }
                    if (next.isBlank() || lead < indent) {
                        i--;
                        break;
                    }
                    expr.append(next.substring(indent)).append('\n');
                }
                expressions.add(expr.toString().strip());
            } else if (line.matches("\\s+expr: .+")) {
                String value = line.substring(line.indexOf("expr: ") + 6).strip();
                if (value.startsWith("'") && value.endsWith("'")) {
                    value = value.substring(1, value.length() - 1).replace("''", "'");
                }
                expressions.add(value);
            }
        }
        return expressions;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = process.waitFor(2, TimeUnit.MINUTES);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
