package dev.mirshop.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.testing.ShopTime;
import dev.mirshop.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Christmas swap: when a campaign's window opens or closes, the very next selection changes, without a restart
 * and without any cache in between. Time is moved with a controllable clock.
 */
@QuarkusTest
class ScheduledSwapTest {

    static final Instant BEFORE = Instant.parse("2090-11-30T23:59:00Z");
    static final Instant OPENS = Instant.parse("2090-12-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2090-12-26T00:00:00Z");

    TestClock clock;

    @BeforeEach
    void installClock() {
        clock = ShopTime.at(BEFORE);
    }

    @Test
    void shoppersGetTheCampaignTheMomentItsWindowOpensAndLoseItWhenItCloses() {
        long campaign = ServiceApi.campaign(ConsoleFixtures.unique("Christmas 2090"), OPENS.toString(),
                CLOSES.toString(), 1000);
        long ad = ServiceApi.ad(campaign, "Christmas swap");
        try {
            assertThat(ServiceApi.status(campaign)).isEqualTo("scheduled");
            assertThat(ServiceApi.selectedIds(5)).isNotEmpty().doesNotContain(ad);

            clock.set(OPENS);
            assertThat(ServiceApi.status(campaign)).isEqualTo("live");
            assertThat(ServiceApi.selectedIds(5)).contains(ad);

            clock.set(CLOSES.minusSeconds(1));
            assertThat(ServiceApi.selectedIds(5)).contains(ad);

            clock.set(CLOSES);
            assertThat(ServiceApi.status(campaign)).isEqualTo("ended");
            assertThat(ServiceApi.selectedIds(5)).isNotEmpty().doesNotContain(ad);
        } finally {
            ServiceApi.act(campaign, "pause");
        }
    }

    @Test
    void theConsoleListShowsTheStatusAtTheServicesClock() {
        long campaign = ServiceApi.campaign(ConsoleFixtures.unique("Swap status"), OPENS.toString(),
                CLOSES.toString(), 3);
        ConsoleBrowser marketer = ConsoleBrowser.loggedIn(ConsoleFixtures.DEMO_MARKETER,
                ConsoleFixtures.DEMO_PASSWORD);
        try {
            assertThat(row(marketer, campaign)).contains("scheduled");
            clock.set(OPENS.plusSeconds(60));
            assertThat(row(marketer, campaign)).contains("live");
            clock.set(CLOSES.plusSeconds(60));
            // 26 days later the first login has expired (sessions last 14 days on the same clock)
            ConsoleBrowser later = ConsoleBrowser.loggedIn(ConsoleFixtures.DEMO_MARKETER, ConsoleFixtures.DEMO_PASSWORD);
            assertThat(row(later, campaign)).contains("ended");
        } finally {
            ServiceApi.act(campaign, "pause");
        }
    }

    private static String row(ConsoleBrowser marketer, long campaign) {
        return marketer.page("/admin/campaigns").selectFirst("tr[data-campaign-id=" + campaign + "] .status").text();
    }
}
