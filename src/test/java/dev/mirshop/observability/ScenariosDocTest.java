package dev.mirshop.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.mirshop.platform.faults.Fault;

/**
 * docs/scenarios.md against the rule file and the runbooks, both ways (issue 16, point 4): every alert rule is the
 * expected alert of at least one fault, every fault has a row, every row names real alerts, a real runbook section
 * and a severity the fault accepts, and every runbook says which fault reproduces it, consistently with the table.
 */
class ScenariosDocTest {

    static final Path SCENARIOS = Path.of("docs/scenarios.md");
    private static final Pattern ALERT = Pattern.compile("`(MirShop\\w+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(runbooks/(MirShop\\w+)\\.md#([a-z0-9-]+)\\)");

    /** One row of the table. */
    record Row(Fault fault, int severity, List<String> alerts, String route, String panel, String runbook,
            String section, boolean endToEnd) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(SCENARIOS)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|")).map(String::strip)
                    .toArray(String[]::new);
            assertThat(cells).as(line).hasSize(8);
            String id = cells[0].replace("`", "");
            Fault fault = Fault.byId(id).orElseThrow(() -> new AssertionError("no fault " + id + " in " + line));
            assertThat(cells[1]).as(line).isEqualTo(fault.owner.name());
            int severity = Integer.parseInt(cells[2].split("[ (]")[0]);
            List<String> alerts = new ArrayList<>();
            Matcher a = ALERT.matcher(cells[3]);
            while (a.find()) {
                alerts.add(a.group(1));
            }
            Matcher link = LINK.matcher(cells[6]);
            assertThat(link.find()).as("runbook section link in " + line).isTrue();
            rows.add(new Row(fault, severity, alerts, cells[4], cells[5], link.group(1), link.group(2),
                    cells[7].startsWith("end to end")));
        }
        return rows;
    }

    @Test
    void everyAlertRuleIsTheExpectedAlertOfAFaultAndEveryFaultHasARow() throws IOException {
        List<Row> rows = rows();
        Set<String> expected = rows.stream().flatMap(r -> r.alerts().stream()).collect(Collectors.toSet());
        assertThat(expected).as("alerts no fault reproduces").containsAll(AlertRulesTest.alertNames());
        assertThat(AlertRulesTest.alertNames()).as("alerts in docs/scenarios.md that are no rule").containsAll(expected);
        assertThat(rows.stream().map(Row::fault).collect(Collectors.toSet())).as("faults without a scenario")
                .containsExactlyInAnyOrder(Fault.values());
    }

    @Test
    void everyRowIsConsistent() throws IOException {
        String rules = Files.readString(AlertRulesTest.RULES);
        Set<String> panels = new LinkedHashSet<>();
        for (Path dashboard : Files.list(Path.of("grafana-dashboards")).filter(p -> p.toString().endsWith(".json")).toList()) {
            Matcher m = Pattern.compile("\"title\": \"([^\"]+)\"").matcher(Files.readString(dashboard));
            while (m.find()) {
                panels.add(m.group(1).replace("MIR Shop / ", ""));
            }
        }
        for (Row row : rows()) {
            String where = row.fault().id + " " + row.severity();
            assertThat(row.severity()).as(where + " severity").isBetween(row.fault().minSeverity, row.fault().maxSeverity);
            assertThat(row.alerts()).as(where + " alerts").isNotEmpty();
            for (String alert : row.alerts()) {
                String block = rules.substring(rules.indexOf("- alert: " + alert + "\n"));
                String severity = block.substring(block.indexOf("severity: ") + 10, block.indexOf('\n', block.indexOf("severity: ")));
                assertThat(row.route()).as(where + ": route of " + alert + " (" + severity + ")")
                        .isEqualTo(severity.equals("critical") ? "page" : "ticket");
            }
            assertThat(row.alerts()).as(where + ": the runbook section belongs to an expected alert").contains(row.runbook());
            String runbook = Files.readString(Path.of("docs/runbooks", row.runbook() + ".md"));
            assertThat(runbook.lines().filter(l -> l.startsWith("## "))
                    .map(l -> l.substring(3).toLowerCase().replace(' ', '-')))
                    .as(where + ": section #" + row.section() + " of " + row.runbook()).contains(row.section());
            String dashboardPanel = row.panel().split(";")[0].strip();
            if (dashboardPanel.contains(" › ")) {
                String title = dashboardPanel.substring(dashboardPanel.indexOf(" › ") + 3).split(",")[0].strip();
                String bare = title.replaceAll(" \\([^)]*\\)$", "");
                assertThat(panels.stream().anyMatch(p -> p.equals(title) || p.equals(bare) || p.startsWith(bare + " (")))
                        .as(where + ": panel " + title + " exists").isTrue();
            }
        }
    }

    @Test
    void everyRowMarkedEndToEndIsSwitchedByAWaveOfFaultScenariosITAndNoOtherIs() throws IOException {
        Set<String> endToEnd = rows().stream().filter(Row::endToEnd).map(r -> r.fault().id + " " + r.severity())
                .collect(Collectors.toSet());
        Set<String> switched = FaultScenariosIT.WAVES.stream().flatMap(w -> w.faults().stream())
                .map(f -> f.id() + " " + f.severity()).collect(Collectors.toSet());
        assertThat(switched).as("rows marked end to end in docs/scenarios.md, each switched by a wave")
                .containsAll(endToEnd);
        assertThat(endToEnd).as("faults the waves switch, each a row marked end to end").containsAll(switched);
    }

    @Test
    void everyRunbookSaysWhichFaultReproducesItAsTheTableDoes() throws IOException {
        List<Row> rows = rows();
        for (String alert : AlertRulesTest.alertNames()) {
            String runbook = Files.readString(Path.of("docs/runbooks", alert + ".md"));
            int at = runbook.indexOf("**Reproduce it:**");
            assertThat(at).as(alert + ".md says which fault reproduces it").isPositive();
            String line = runbook.substring(at, runbook.indexOf('\n', at));
            Set<String> named = new LinkedHashSet<>();
            Matcher m = Pattern.compile("fault `([a-z-]+)`").matcher(line);
            while (m.find()) {
                named.add(m.group(1));
            }
            Set<String> inTable = rows.stream().filter(r -> r.alerts().contains(alert)).map(r -> r.fault().id)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            assertThat(named).as(alert + ".md names the faults docs/scenarios.md pairs with it").isEqualTo(inTable);
        }
    }
}
