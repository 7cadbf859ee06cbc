package dev.mirshop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mirshop.testing.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Issue 13, point 3: 50 wrong passwords in 7 s, all 401, then the right one logged in. Point 4: "password",
 * "12345678", "aaaaaaaa" and the e-mail itself were accepted as passwords.
 */
@QuarkusTest
class BruteForceAndPasswordTest {

    @Inject
    Fixtures db;

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsWithRetryAfter() {
        String email = Fixtures.uniqueEmail("brute");
        db.account(email, "Brute Target");
        Browser attacker = Browser.from("198.51.100.10");
        attacker.get("/login");
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.post("/login", Map.of("email", email, "password", "guess-" + i)).statusCode())
                    .isEqualTo(401);
        }
        Response refused = attacker.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 15 * 60);
        assertThat(Jsoup.parse(refused.asString()).select(".alert-error").text()).contains("Too many failed attempts");
        assertThat(attacker.cookie("mir_session")).isNull();

        Browser owner = Browser.from("198.51.100.11");
        assertThat(owner.logIn(email, Fixtures.PASSWORD).statusCode()).as("the account, not only the client, waits")
                .isEqualTo(429);
    }

    @Test
    void oneClientGuessingManyAccountsIsSlowedDownToo() {
        Browser attacker = Browser.from("198.51.100.20");
        attacker.get("/login");
        int refused = 0;
        for (int i = 0; i < 55; i++) {
            int status = attacker.post("/login", Map.of("email", Fixtures.uniqueEmail("spray"), "password", "Winter2026!"))
                    .statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(5);
        String email = Fixtures.uniqueEmail("sprayed");
        db.account(email, "Sprayed");
        assertThat(Browser.from("198.51.100.21").logIn(email, Fixtures.PASSWORD).statusCode())
                .as("other clients are not affected").isEqualTo(303);
    }

    @Test
    void signupsFromOneClientAreLimited() {
        Browser bot = Browser.from("198.51.100.30");
        bot.get("/signup");
        int last = 0;
        for (int i = 0; i < 51; i++) {
            last = bot.post("/signup", signup(Fixtures.uniqueEmail("bot"), "tall-violet-kettle-19")).statusCode();
        }
        assertThat(last).isEqualTo(429);
    }

    @ParameterizedTest
    @ValueSource(strings = { "password", "12345678", "aaaaaaaa", "aaaaaaaaaaaa", "passwordpassword", "Password123456!",
            "qwertyuiop123", "123456789012", "abcdefghijkl", "iloveyou2026", "short" })
    void weakPasswordsAreRefused(String password) {
        String email = Fixtures.uniqueEmail("weak");
        Browser browser = new Browser();
        browser.get("/signup");
        Response response = browser.post("/signup", signup(email, password));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.asString()).select("[data-error-for=password]").text()).isNotBlank();
        assertThat(db.queryLong("select count(*) from accounts where email = ?", email)).isZero();
    }

    @Test
    void theEmailAddressIsNotAPassword() {
        String email = "anna.lindqvist-" + java.util.UUID.randomUUID().toString().substring(0, 4) + "@example.com";
        Browser browser = new Browser();
        browser.get("/signup");
        for (String password : new String[] { email, email.substring(0, email.indexOf('@')) + "!!", "x" + email }) {
            Response response = browser.post("/signup", signup(email, password));
            assertThat(response.statusCode()).as(password).isEqualTo(400);
            assertThat(Jsoup.parse(response.asString()).select("[data-error-for=password]").text())
                    .contains("e-mail address");
        }
    }

    private static Map<String, String> signup(String email, String password) {
        Map<String, String> form = new HashMap<>();
        form.put("name", "Test Person");
        form.put("email", email);
        form.put("password", password);
        form.put("password_confirmation", password);
        return form;
    }
}
