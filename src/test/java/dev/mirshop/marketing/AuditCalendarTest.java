package dev.mirshop.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mirshop.testing.ShopTime;
import dev.mirshop.testing.ShopTime.Moment;
import io.quarkus.test.junit.QuarkusTest;

/** The audit log records each console change at the shop's time, at every moment of {@link ShopTime#calendar()}. */
@QuarkusTest
class AuditCalendarTest {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void aChangeIsLoggedAtTheMomentItWasMade(Moment moment) {
        ShopTime.at(moment);
        long campaign = ServiceApi.campaign(ConsoleFixtures.unique("Audit 2090"), "2090-01-01T00:00:00Z",
                "2090-02-01T00:00:00Z", 1);
        ConsoleBrowser marketer = ConsoleBrowser.loggedIn(ConsoleFixtures.DEMO_MARKETER, ConsoleFixtures.DEMO_PASSWORD);
        marketer.get("/admin/campaigns/" + campaign);
        assertThat(marketer.post("/admin/campaigns/" + campaign + "/pause", Map.of()).statusCode()).isEqualTo(303);

        Element row = marketer.page("/admin/audit").select("table.audit-table tbody tr").stream()
                .filter(tr -> tr.text().contains("campaign " + campaign)).findFirst().orElseThrow();
        assertThat(row.child(0).text()).isEqualTo(SHOWN.format(moment.instant().atZone(ZoneOffset.UTC)));
        assertThat(row.text()).contains(ConsoleFixtures.DEMO_MARKETER, "pause");
    }
}
