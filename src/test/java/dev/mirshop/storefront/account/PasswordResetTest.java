package dev.mirshop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.platform.security.SessionTokens;
import dev.mirshop.platform.web.PublicBaseUrl;
import dev.mirshop.storefront.mail.MailFixtures;
import dev.mirshop.storefront.mail.Mailbox;
import dev.mirshop.storefront.mail.embedded.ReceivedMail;
import dev.mirshop.testing.Browser;
import dev.mirshop.testing.ShopTime;
import dev.mirshop.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Issue 17, point 2: "Forgot password" by mail, single use, expiring, the same answer for every address, throttled. */
@QuarkusTest
class PasswordResetTest {

    private static final String NEW_PASSWORD = "velvet lantern orchard tide";

    @Inject
    Fixtures db;
    @Inject
    MailFixtures mails;
    @Inject
    PublicBaseUrl baseUrl;

    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswerAndOnlyTheOwnerGetsAMail() {
        String known = Fixtures.uniqueEmail("reset-known");
        db.account(known, "Kim Known");
        String unknown = Fixtures.uniqueEmail("reset-unknown");

        Browser browser = Browser.from("198.51.100.40");
        assertThat(browser.get("/login").asString()).contains("href=\"/password/forgot\"");
        browser.get("/password/forgot");
        Response forKnown = browser.post("/password/forgot", Map.of("email", known));
        Response forUnknown = browser.post("/password/forgot", Map.of("email", unknown));
        assertThat(forKnown.statusCode()).isEqualTo(303);
        assertThat(forUnknown.statusCode()).isEqualTo(303);
        assertThat(forKnown.header("Location")).isEqualTo(forUnknown.header("Location")).isEqualTo("/password/forgot/sent");
        assertThat(forKnown.asString()).isEqualTo(forUnknown.asString());
        Document sent = browser.page("/password/forgot/sent");
        assertThat(sent.select("[data-sent]").text()).startsWith("If an account uses that address");

        ReceivedMail mail = Mailbox.awaitOne(known);
        assertThat(mail.subject()).isEqualTo("Reset your MIR Shop password");
        assertThat(mail.to()).containsExactly(known);
        assertThat(mail.text()).contains("Kim Known").contains("works once, for 60 minutes");
        String link = Mailbox.link(mail, baseUrl.get() + "/password/reset?token=");
        assertThat(Jsoup.parse(mail.html()).select("a[data-reset-link]").attr("href")).isEqualTo(link);
        assertThat(mails.outbox(unknown)).as("nothing is queued for an address without an account").isEmpty();
        assertThat(Mailbox.receivedBy(unknown)).isEmpty();
    }

    @Test
    void theMailedLinkSetsANewPasswordOnceAndLogsOutEveryBrowser() {
        String email = Fixtures.uniqueEmail("reset-flow");
        long accountId = db.account(email, "Rita Reset");
        Browser laptop = Browser.from("198.51.100.41");
        Browser phone = Browser.from("198.51.100.42");
        assertThat(laptop.logIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(phone.logIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(db.queryLong("select count(*) from sessions where account_id = ?", accountId)).isEqualTo(2);

        Browser stranger = Browser.from("198.51.100.43");
        stranger.get("/password/forgot");
        stranger.post("/password/forgot", Map.of("email", email.toUpperCase()));
        String link = Mailbox.link(Mailbox.awaitOne(email), baseUrl.get() + "/password/reset?token=");
        String path = link.substring(baseUrl.get().length());
        String token = path.substring(path.indexOf("token=") + 6);
        assertThat(db.queryString("select token_hash from password_resets where account_id = ?", accountId))
                .as("only the token's SHA-256 is stored").isEqualTo(SessionTokens.storedForm(token)).isNotEqualTo(token);

        Response form = stranger.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.header("Cache-Control")).contains("no-store");
        assertThat(Jsoup.parse(form.asString()).select("meta[name=referrer]").attr("content")).as("the token never leaves the shop in a Referer, and the form still posts a real Origin").isEqualTo("same-origin");

        Response weak = stranger.post("/password/reset", Map.of("token", token, "password", "password1234",
                "password_confirmation", "password1234"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(weak.asString()).select("[data-error-for=password]").text()).contains("most common");
        Response mismatch = stranger.post("/password/reset", Map.of("token", token, "password", NEW_PASSWORD,
                "password_confirmation", NEW_PASSWORD + "x"));
        assertThat(Jsoup.parse(mismatch.asString()).select("[data-error-for=password_confirmation]").text())
                .isEqualTo("Passwords do not match.");

        Response done = stranger.post("/password/reset", Map.of("token", token, "password", NEW_PASSWORD,
                "password_confirmation", NEW_PASSWORD));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).isEqualTo("/login?reset=1");
        assertThat(stranger.page("/login?reset=1").select("[data-password-reset]").text()).contains("every browser was logged out");

        assertThat(db.queryLong("select count(*) from sessions where account_id = ?", accountId)).isZero();
        for (Browser before : new Browser[] { laptop, phone }) {
            Response account = before.get("/account");
            assertThat(account.statusCode()).as("a session from before the reset").isEqualTo(303);
            assertThat(account.header("Location")).startsWith("/login");
        }
        assertThat(Browser.from("198.51.100.44").logIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(Browser.from("198.51.100.45").logIn(email, NEW_PASSWORD).statusCode()).isEqualTo(303);

        Response again = Browser.from("198.51.100.46").get(path);
        assertThat(again.statusCode()).as("the link works once").isEqualTo(400);
        assertThat(Jsoup.parse(again.asString()).select("[data-invalid-link]").text()).contains("work once");
        Browser replay = Browser.from("198.51.100.47");
        replay.get("/password/forgot");
        assertThat(replay.post("/password/reset", Map.of("token", token, "password", "another strong passphrase",
                "password_confirmation", "another strong passphrase")).statusCode()).isEqualTo(400);

        ReceivedMail changed = Mailbox.await(email, 2).get(1);
        assertThat(changed.subject()).isEqualTo("Your MIR Shop password was changed");
        assertThat(changed.text()).contains("Every browser that was logged in has been logged out");
    }

    @Test
    void aLinkExpiresAfterAnHourOnTheShopsClock() {
        TestClock clock = ShopTime.at(Instant.parse("2026-11-05T08:00:00Z"));
        String email = Fixtures.uniqueEmail("reset-expiry");
        db.account(email, "Eve Expiry");
        Browser browser = Browser.from("198.51.100.48");
        browser.get("/password/forgot");
        browser.post("/password/forgot", Map.of("email", email));
        String link = Mailbox.link(Mailbox.awaitOne(email), baseUrl.get() + "/password/reset?token=");
        String path = link.substring(baseUrl.get().length());

        clock.advance(Duration.ofMinutes(59));
        assertThat(browser.get(path).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        Response expired = browser.get(path);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(expired.asString()).select("a[href='/password/forgot']")).isNotEmpty();
    }

    @Test
    void requestsAreThrottledPerAddressAndPerClientAlikeForKnownAndUnknownAddresses() {
        String target = Fixtures.uniqueEmail("reset-flood");
        db.account(target, "Flo Flood");
        for (int i = 0; i < 3; i++) {
            Browser b = Browser.from("198.51.100." + (60 + i));
            b.get("/password/forgot");
            assertThat(b.post("/password/forgot", Map.of("email", target)).statusCode()).isEqualTo(303);
        }
        Browser fourth = Browser.from("198.51.100.63");
        fourth.get("/password/forgot");
        Response refused = fourth.post("/password/forgot", Map.of("email", target));
        assertThat(refused.statusCode()).as("a fourth mail to one inbox within the window").isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 15 * 60);
        assertThat(Jsoup.parse(refused.asString()).select("[data-error]").text()).contains("Too many reset links");
        Mailbox.await(target, 3);

        Browser sprayer = Browser.from("198.51.100.70");
        sprayer.get("/password/forgot");
        int accepted = 0;
        for (int i = 0; i < 21; i++) {
            if (sprayer.post("/password/forgot", Map.of("email", Fixtures.uniqueEmail("spray"))).statusCode() == 303) {
                accepted++;
            }
        }
        assertThat(accepted).as("one client, many addresses").isEqualTo(20);
    }

    @Test
    void badInputGetsAClearPageAndChangesNothing() {
        Browser browser = Browser.from("198.51.100.80");
        browser.get("/password/forgot");
        Response malformed = browser.post("/password/forgot", Map.of("email", "not an address"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(malformed.asString()).select("[data-error-for=email]").text()).contains("valid email");
        Response tooLong = browser.post("/password/forgot", Map.of("email", "a".repeat(300) + "@example.com"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.asString()).doesNotContain("a".repeat(300));

        for (String token : new String[] { "", "short", "x".repeat(43), "%00", "a".repeat(5000) }) {
            Response page = browser.get("/password/reset?token=" + token);
            assertThat(page.statusCode()).as("token " + token.length()).isIn(400, 414);
        }
        Response noToken = browser.post("/password/reset", Map.of("password", NEW_PASSWORD,
                "password_confirmation", NEW_PASSWORD));
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noToken.asString()).select("[data-invalid-link]")).isNotEmpty();
        assertThat(browser.postWithoutCsrf("/password/forgot", Map.of("email", "someone@example.com")).statusCode())
                .as("no CSRF token").isEqualTo(400);
    }
}
