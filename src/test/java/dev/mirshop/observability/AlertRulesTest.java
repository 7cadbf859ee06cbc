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

import dev.mirshop.testing.Tools;

/**
 * The alert rules in grafana-dashboards/alerts/ are valid (promtool check rules), their unit tests pass
 * (promtool test rules), every alert is tested both firing and silent, carries team=mir-shop (the Alertmanager route
 * matches it), links an absolute runbook and dashboard URL built from one rule, and has a runbook on the template.
 */
class AlertRulesTest {

    static final Path ALERTS = Path.of("grafana-dashboards/alerts");
    static final Path RULES = ALERTS.resolve("mir-shop.rules.yml");
    static final Path RULE_TESTS = ALERTS.resolve("mir-shop.rules.test.yml");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Path promtool = Tools.promtool();
        String out = run(promtool.toString(), "check", "rules", RULES.toString());
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        Path promtool = Tools.promtool();
        String out = run(promtool.toString(), "test", "rules", RULE_TESTS.toString());
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void everyAlertIsTestedFiringAndSilent() throws IOException {
        Set<String> alerts = alertNames();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(15);
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
    void everyAlertHasSeverityTeamSummaryDescriptionAndLinksToARunbookAndADashboard() throws IOException {
        String rules = Files.readString(RULES);
        String[] blocks = rules.split("\\n  - alert: ");
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i];
            String name = block.substring(0, block.indexOf('\n')).trim();
            if (!name.startsWith("MirShop")) {
                problems.add(name + " is not named MirShop*");
            }
            for (String key : List.of("severity: ", "team: mir-shop\n", "summary: ", "description: ", "runbook_url: ", "dashboard_url: ")) {
                if (!block.contains(key)) {
                    problems.add(name + " has no " + key.trim());
                }
            }
            if (!block.matches("(?s).*severity: (critical|warning)\\n.*")) {
                problems.add(name + " has a severity other than critical (page) or warning (ticket)");
            }
            if (!block.contains("runbook_url: '" + LINK_QUERY + "runbook_base\" }}{{ end }}" + name + ".md'")) {
                problems.add(name + ": runbook_url is not <runbook_base of " + LINKS_RULE + ">" + name + ".md");
            }
            Matcher dashboard = Pattern.compile("dashboard_url: '" + Pattern.quote(LINK_QUERY + "grafana_base\" }}{{ end }}")
                    + "/d/([\\w-]+)").matcher(block);
            if (!dashboard.find()) {
                problems.add(name + ": dashboard_url is not <grafana_base of " + LINKS_RULE + ">/d/<uid>");
            } else if (!dashboardUids().contains(dashboard.group(1)) && !KUBE_PROMETHEUS_STACK_DASHBOARDS.contains(dashboard.group(1))) {
                problems.add(name + ": dashboard_url names no dashboard of grafana-dashboards/ or kube-prometheus-stack: " + dashboard.group(1));
            }
            Path page = Path.of("docs/runbooks", name + ".md");
            if (!Files.exists(page)) {
                problems.add(name + ": " + page + " does not exist");
                continue;
            }
            String text = Files.readString(page);
            int last = -1;
            for (String section : RUNBOOK_SECTIONS) {
                int at = text.indexOf("\n## " + section + "\n");
                if (at < 0 || at < last) {
                    problems.add(page + ": section '## " + section + "' missing or out of order");
                }
                last = at;
            }
            if (text.contains("<ns>") || text.contains("kubectl argo rollouts undo\n") || text.contains("`kubectl argo rollouts undo`.")) {
                problems.add(page + ": uses a placeholder namespace or recommends kubectl argo rollouts undo");
            }
            String firstFive = text.substring(Math.max(0, text.indexOf("## First five minutes")));
            if (!firstFive.contains("```")) {
                problems.add(page + ": first five minutes has no copy-paste command or query");
            }
        }
        assertThat(blocks.length - 1).isEqualTo(alertNames().size());
        assertThat(problems).isEmpty();
    }

    /** Issue 19: targets that vanish, one bad pod among healthy ones, flapping breakers, one alert per outage. */
    @Test
    void downAlertsUseAbsentAndTheTestsCoverVanishedTargetsReplicasAndFlapping() throws IOException {
        String rules = Files.readString(RULES);
        for (String block : rules.split("\\n  - alert: ")) {
            if (block.contains("up{")) {
                assertThat(block).as("an alert on up{...} must catch vanished targets").contains("absent(up{");
            }
            assertThat(block).as("namespace of the shop's pods").doesNotContain("namespace=~\"mir-shop");
        }
        String tests = Files.readString(RULE_TESTS);
        assertThat(tests).contains("pods vanish", "pods gone and calls failing: one ticket, not two",
                "one saturated pod of three", "flapping breaker", "one crash-looping storefront pod among healthy ones",
                "another team's crash loop");
    }

    /** The one setting the links are built from: absolute, so Slack and PagerDuty render them as links. */
    @Test
    void linksComeFromOneRecordingRuleWithAbsoluteBases() throws IOException {
        String rules = Files.readString(RULES);
        Matcher rule = Pattern.compile("- record: " + Pattern.quote(LINKS_RULE) + "\\n    expr: vector\\(1\\)\\n    labels:\\n"
                + "      runbook_base: (\\S+)\\n      grafana_base: (\\S+)\\n").matcher(rules);
        assertThat(rule.find()).as(LINKS_RULE + " with runbook_base and grafana_base").isTrue();
        assertThat(rule.group(1)).startsWith("https://").endsWith("/docs/runbooks/");
        assertThat(rule.group(2)).startsWith("https://").doesNotEndWith("/");
        assertThat(rules.split("- record: " + Pattern.quote(LINKS_RULE), -1)).as("defined once").hasSize(2);
        assertThat(rules).doesNotContain("runbook_url: docs/", "runbook_url: https://", "dashboard_url: https://");
        // The promtool cases expect the rendered, absolute links.
        String tests = Files.readString(RULE_TESTS);
        assertThat(tests).contains("runbook_url: \"" + rule.group(1)).contains("dashboard_url: \"" + rule.group(2) + "/d/");
    }

    static final String LINKS_RULE = "mir_shop:alert_links:info";
    static final String LINK_QUERY = "{{ with query \"" + LINKS_RULE + "\" }}{{ . | first | label \"";
    static final List<String> RUNBOOK_SECTIONS = List.of("Meaning", "Impact", "First five minutes", "Likely causes",
            "Mitigation", "Escalation");
    /** Kubernetes / Compute Resources / Pod and / Namespace (Pods) of kube-prometheus-stack 72.6.2. */
    static final Set<String> KUBE_PROMETHEUS_STACK_DASHBOARDS = Set.of("6581e46e4e5c7ba40a07646395ef7b23",
            "85a562078cdf77779eaa1add43ccec1e");

    static Set<String> dashboardUids() throws IOException {
        Set<String> uids = new LinkedHashSet<>();
        try (var files = Files.list(Path.of("grafana-dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Matcher uid = Pattern.compile("\"uid\": \"(mir-shop-[\\w-]+)\"").matcher(Files.readString(file));
                if (uid.find()) {
                    uids.add(uid.group(1));
                }
            }
        }
        return uids;
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
