package dev.mirshop.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Without SHOP_FAULTS_ENABLED=true (the default, and every production overlay) the operator page does not exist. */
@QuarkusTest
class FaultConsoleDisabledTest {

    @Inject
    ConsoleFixtures fixtures;

    @Test
    void theOperatorPageIsNotThereAndNothingCanBeSwitched() {
        ConsoleBrowser operator = ConsoleBrowser.loggedIn(fixtures.account("operator"), ConsoleFixtures.PASSWORD);
        var page = operator.get("/admin/faults");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.asString()).doesNotContain("ads-failing");
        assertThat(operator.post("/admin/faults/ads/ads-failing/on", Map.of("severity", "100")).statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(fixtures.marketer().get("/admin/campaigns").asString()).select("a[href^=/admin/faults]")).isEmpty();
    }
}
