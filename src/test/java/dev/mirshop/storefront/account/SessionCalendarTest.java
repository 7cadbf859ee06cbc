package dev.mirshop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mirshop.platform.security.SessionPolicy;
import dev.mirshop.testing.Browser;
import dev.mirshop.testing.ShopTime;
import dev.mirshop.testing.ShopTime.Moment;
import dev.mirshop.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A login lasts until it goes idle or reaches its lifetime on the shop's clock, across month, year and leap-day boundaries, and the account page
 * shows the day the account was made, at every moment of {@link ShopTime#calendar()}.
 */
@QuarkusTest
class SessionCalendarTest {

    @Inject
    Fixtures db;
    @Inject
    SessionPolicy policy;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void anIdleSessionEndsAfterItsIdleTimeout(Moment moment) {
        TestClock clock = ShopTime.at(moment);
        Browser browser = loggedIn("idle");
        clock.advance(policy.idleTimeout().minusSeconds(1));
        assertThat(browser.get("/account").statusCode()).as("one second before it goes idle").isEqualTo(200);

        clock.advance(policy.idleTimeout());
        assertLoggedOut(browser);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void aSessionInUseEndsAtItsMaximumLifetime(Moment moment) {
        TestClock clock = ShopTime.at(moment);
        Browser browser = loggedIn("busy");
        Instant loggedInAt = clock.instant();
        Duration step = policy.idleTimeout().dividedBy(2);
        while (clock.instant().plus(step).isBefore(loggedInAt.plus(policy.maxLifetime()))) {
            clock.advance(step);
            assertThat(browser.get("/account").statusCode()).as("in use at " + clock.instant()).isEqualTo(200);
        }
        clock.set(loggedInAt.plus(policy.maxLifetime()).minusSeconds(1));
        assertThat(browser.get("/account").statusCode()).as("one second before its lifetime ends").isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertLoggedOut(browser);
    }

    private Browser loggedIn(String prefix) {
        String email = Fixtures.uniqueEmail(prefix);
        db.account(email, "Calendar Shopper");
        Browser browser = new Browser();
        assertThat(browser.logIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        return browser;
    }

    private static void assertLoggedOut(Browser browser) {
        Response expired = browser.get("/account");
        assertThat(expired.statusCode()).isEqualTo(303);
        assertThat(expired.header("Location")).isEqualTo("/login?return=/account");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void theAccountPageShowsTheDayTheAccountWasMade(Moment moment) {
        ShopTime.at(moment);
        String email = Fixtures.uniqueEmail("since");
        Browser browser = new Browser();
        browser.get("/signup");
        String password = "plum-orchard-lantern-42";
        Response signedUp = browser.post("/signup", java.util.Map.of("name", "New Shopper", "email", email,
                "password", password, "password_confirmation", password));
        assertThat(signedUp.statusCode()).as(signedUp.asString()).isEqualTo(303);
        assertThat(browser.logIn(email, password).statusCode()).isEqualTo(303);
        String since = Jsoup.parse(browser.get("/account").asString()).select("[data-profile=since]").text();
        assertThat(since).isEqualTo(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)
                .format(moment.instant().atZone(ZoneOffset.UTC)));
    }
}
