package dev.mirshop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mirshop.platform.security.SessionTokens;
import dev.mirshop.testing.Browser;
import dev.mirshop.testing.ShopTime;
import dev.mirshop.testing.ShopTime.Moment;
import dev.mirshop.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A login lasts its lifetime on the shop's clock, across month, year and leap-day boundaries, and the account page
 * shows the day the account was made, at every moment of {@link ShopTime#calendar()}.
 */
@QuarkusTest
class SessionCalendarTest {

    @Inject
    Fixtures db;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void aSessionLastsItsLifetimeAndNotASecondLonger(Moment moment) {
        TestClock clock = ShopTime.at(moment);
        String email = Fixtures.uniqueEmail("session");
        db.account(email, "Calendar Shopper");
        Browser browser = new Browser();
        assertThat(browser.logIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);

        clock.advance(SessionTokens.LIFETIME.minusSeconds(1));
        assertThat(browser.get("/account").statusCode()).as("one second before it expires").isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        Response expired = browser.get("/account");
        assertThat(expired.statusCode()).as("when it expires").isEqualTo(303);
        assertThat(expired.header("Location")).isEqualTo("/login?return=/account");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void theAccountPageShowsTheDayTheAccountWasMade(Moment moment) {
        ShopTime.at(moment);
        String email = Fixtures.uniqueEmail("since");
        Browser browser = new Browser();
        browser.get("/signup");
        Response signedUp = browser.post("/signup", java.util.Map.of("name", "New Shopper", "email", email,
                "password", Fixtures.PASSWORD, "password_confirmation", Fixtures.PASSWORD));
        assertThat(signedUp.statusCode()).as(signedUp.asString()).isEqualTo(303);
        String since = Jsoup.parse(browser.get("/account").asString()).select("[data-profile=since]").text();
        assertThat(since).isEqualTo(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)
                .format(moment.instant().atZone(ZoneOffset.UTC)));
    }
}
