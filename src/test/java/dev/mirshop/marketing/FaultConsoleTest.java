package dev.mirshop.marketing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.faults.Fault;
import dev.mirshop.platform.faults.FaultRegistry;
import dev.mirshop.platform.faults.FaultsEnabledProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The operator page /admin/faults: operators switch a fault on in the service that owns it (over that service's API,
 * even in role all) and the traffic of the load generator; marketers never see it; every change is audited.
 */
@QuarkusTest
@TestProfile(FaultsEnabledProfile.class)
class FaultConsoleTest {

    @Inject
    ConsoleFixtures fixtures;
    @Inject
    FaultRegistry registry;

    @AfterEach
    void allOff() {
        for (Fault f : Fault.values()) {
            registry.switchOff(f, "test", "test");
        }
    }

    private ConsoleBrowser operator() {
        return ConsoleBrowser.loggedIn(fixtures.account("operator"), ConsoleFixtures.PASSWORD);
    }

    @Test
    void anOperatorSwitchesAFaultInTheServiceThatOwnsItAndTheAuditLogSaysWho() {
        ConsoleBrowser operator = operator();
        Response page = operator.get("/admin/faults");
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.asString());
        assertThat(doc.select("section[data-service] h2").eachText()).containsExactly("storefront", "ads", "discounts");
        assertThat(doc.select("tr[data-fault]").eachAttr("data-fault")).contains("ads-failing", "discounts-down",
                "db-slow", "bad-release", "readiness-failing");

        Response on = operator.post("/admin/faults/ads/ads-failing/on", Map.of("severity", "100", "minutes", "5"));
        assertThat(on.statusCode()).isEqualTo(303);
        assertThat(on.header("Location")).isEqualTo("/admin/faults?done=on");
        given().get("/api/ads/select?count=1").then().statusCode(500);
        Document after = Jsoup.parse(operator.get("/admin/faults?done=on").asString());
        assertThat(after.select("tr[data-fault=ads-failing]").attr("data-active")).isEqualTo("true");
        assertThat(fixtures.count("select count(*) from audit_log where action = 'fault-on' and entity_type = 'fault'"
                + " and summary like 'Switched on ads-failing in ads (severity 100%'")).isEqualTo(1);
        assertThat(registry.recentEvents(ShopRole.ads, 1).get(0).actor()).endsWith("(operator page)");

        assertThat(operator.post("/admin/faults/ads/ads-failing/off", Map.of()).statusCode()).isEqualTo(303);
        given().get("/api/ads/select?count=1").then().statusCode(200);
        assertThat(fixtures.count("select count(*) from audit_log where action = 'fault-off'"
                + " and summary = 'Switched off ads-failing in ads'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRefusedSwitchIsShownOnThePage() {
        Response r = operator().post("/admin/faults/storefront/bad-release/on", Map.of("severity", "200", "minutes", "5"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.asString()).select("[data-error]").text()).contains("version");
    }

    @Test
    void marketersDoNotSeeTheOperatorPageAndOperatorsSeeOnlyIt() {
        ConsoleBrowser marketer = fixtures.marketer();
        assertThat(marketer.get("/admin/faults").statusCode()).isEqualTo(403);
        assertThat(marketer.post("/admin/faults/ads/ads-slow/on", Map.of("severity", "100")).statusCode()).isEqualTo(403);
        assertThat(registry.activeNow(Fault.ADS_SLOW)).isFalse();
        assertThat(Jsoup.parse(marketer.get("/admin/campaigns").asString()).select("a[href^=/admin/faults]")).isEmpty();

        ConsoleBrowser operator = operator();
        assertThat(operator.get("/admin/campaigns").statusCode()).isEqualTo(403);
        Response home = operator.get("/admin");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.header("Location")).isEqualTo("/admin/faults");
        assertThat(fixtures.shopper().get("/admin/faults").statusCode()).isEqualTo(403);
        given().redirects().follow(false).accept("text/html").get("/admin/faults").then().statusCode(303);
    }

    @Test
    void theOperatorTurnsTheLoadGeneratorOnAndOff() {
        ConsoleBrowser operator = operator();
        Document page = Jsoup.parse(operator.get("/admin/faults").asString());
        assertThat(page.select("[data-traffic] p").text()).startsWith("0 virtual shoppers");
        assertThat(operator.post("/admin/faults/traffic", Map.of("shoppers", "1", "rate", "5")).statusCode()).isEqualTo(303);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/metrics").asString().lines()
                    .anyMatch(l -> l.startsWith("shop_loadgen_requests_total{") && l.contains("status=\"2xx\"")));
        } finally {
            assertThat(operator.post("/admin/faults/traffic", Map.of("shoppers", "0", "rate", "5")).statusCode())
                    .isEqualTo(303);
        }
        assertThat(fixtures.count("select count(*) from audit_log where entity_type = 'loadgen'")).isGreaterThanOrEqualTo(2);
    }
}
