package dev.mirshop.storefront.account;

import dev.mirshop.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.platform.security.SessionTokens;
import dev.mirshop.testing.ShopTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class LoginTest {

    @Inject
    Fixtures db;

    @Test
    void loginSetsAnHttpOnlySessionCookieBackedByASessionRow() {
        String email = Fixtures.uniqueEmail("login");
        long id = db.account(email, "Ada Lovelace");
        Browser browser = new Browser();

        Response response = browser.logIn(email.toUpperCase(), Fixtures.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/account");
        io.restassured.http.Cookie cookie = response.detailedCookie("mir_session");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.isSecured()).isFalse();
        assertThat(db.queryLong("select account_id from sessions where token = ?", SessionTokens.storedForm(cookie.getValue())))
                .isEqualTo(id);
        assertThat(db.queryLong("select count(*) from sessions where token = ?", cookie.getValue()))
                .as("only the hash of the token is stored").isZero();

        String home = browser.get("/").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(home).select("a[href=/account]").attr("title")).isEqualTo("Signed in as Ada Lovelace");
    }

    @Test
    void sessionCookieIsSecureBehindAnHttpsProxy() {
        String email = Fixtures.uniqueEmail("secure");
        db.account(email, "Proxy");
        Browser browser = new Browser();
        browser.headers.put("X-Forwarded-Proto", "https");
        Response response = browser.logIn(email, Fixtures.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.detailedCookie("mir_session").isSecured()).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        String email = Fixtures.uniqueEmail("wrong");
        db.account(email, "Wrong");

        Browser browser = new Browser();
        Response wrongPassword = browser.logIn(email, "not the password");
        Response unknownEmail = new Browser().logIn(Fixtures.uniqueEmail("nobody"), "not the password");

        for (Response r : new Response[] { wrongPassword, unknownEmail }) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.detailedCookie("mir_session")).isNull();
            Document page = Jsoup.parse(r.asString());
            assertThat(page.select(".alert-error").text()).isEqualTo("Email or password is incorrect.");
        }
        assertThat(Jsoup.parse(wrongPassword.asString()).select("input[name=email]").val()).isEqualTo(email);
        assertThat(wrongPassword.asString()).doesNotContain("not the password");
        assertThat(browser.cookie("mir_session")).isNull();
    }

    @Test
    void returnPathIsHonoured() {
        String email = Fixtures.uniqueEmail("return");
        db.account(email, "Returner");
        Browser browser = new Browser();
        Document form = Jsoup.parse(browser.get("/login?return=/products/some-shirt?variant=3").asString());
        assertThat(form.select("input[name=return]").val()).isEqualTo("/products/some-shirt?variant=3");

        Response response = browser.post("/login",
                Map.of("email", email, "password", Fixtures.PASSWORD, "return", "/products/some-shirt?variant=3"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/products/some-shirt?variant=3");
    }

    @Test
    void openRedirectsAreRefused() {
        String email = Fixtures.uniqueEmail("redirect");
        db.account(email, "Redirect");
        for (String evil : new String[] { "//evil.example/x", "https://evil.example/", "/\\evil.example",
                "javascript:alert(1)", "evil.example", "/\tevil" }) {
            Browser browser = new Browser();
            Document form = Jsoup.parse(browser.get("/login?return=" + java.net.URLEncoder.encode(evil,
                    java.nio.charset.StandardCharsets.UTF_8)).asString());
            assertThat(form.select("input[name=return]")).as(evil).isEmpty();
            Response response = browser.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD, "return", evil));
            assertThat(response.statusCode()).as(evil).isEqualTo(303);
            assertThat(response.header("Location")).as(evil).isEqualTo("/account");
        }
    }

    @Test
    void loginWithoutCsrfTokenIsA400AndDoesNotLogIn() {
        String email = Fixtures.uniqueEmail("csrf");
        db.account(email, "Csrf");
        Browser browser = new Browser();
        browser.get("/login");
        Response response = browser.postWithoutCsrf("/login", Map.of("email", email, "password", Fixtures.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.detailedCookie("mir_session")).isNull();
        assertThat(response.asString()).doesNotContain("Exception");
    }

    @Test
    void logoutDeletesTheSessionAndTheOldCookieNoLongerAuthenticates() {
        String email = Fixtures.uniqueEmail("logout");
        long id = db.account(email, "Logout");
        Browser browser = new Browser();
        browser.logIn(email, Fixtures.PASSWORD);
        String token = browser.cookie("mir_session");
        browser.cookies.put("mir_cart", "some-cart-token-value-that-is-43-chars-lng");
        browser.get("/account").then().statusCode(200);

        Response response = browser.post("/logout", Map.of());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/");
        assertThat(response.detailedCookie("mir_session").getMaxAge()).isZero();
        assertThat(response.detailedCookie("mir_cart").getMaxAge()).isZero();
        assertThat(db.queryLong("select count(*) from sessions where account_id = ?", id)).isZero();

        Browser replay = new Browser();
        replay.cookies.put("mir_session", token);
        Response account = replay.get("/account");
        assertThat(account.statusCode()).isEqualTo(303);
        assertThat(account.header("Location")).isEqualTo("/login?return=/account");
    }

    @Test
    void tamperedOrUnknownSessionCookieIsServedAnonymouslyAndCleared() {
        for (String bad : new String[] { "tampered'OR'1'--", SessionTokens.newToken(), "x" }) {
            Browser browser = new Browser();
            browser.cookies.put("mir_session", bad);
            Response home = browser.get("/");
            assertThat(home.statusCode()).as(bad).isEqualTo(200);
            assertThat(Jsoup.parse(home.asString()).select("a[href^=/login]")).as(bad).isNotEmpty();
            assertThat(home.detailedCookie("mir_session")).as(bad).isNotNull();
            assertThat(home.detailedCookie("mir_session").getMaxAge()).as(bad).isZero();
        }
    }

    @Test
    void expiredSessionIsAnonymous() {
        String email = Fixtures.uniqueEmail("expired");
        long id = db.account(email, "Expired");
        String token = SessionTokens.newToken();
        db.update("insert into sessions (token, account_id, expires_at, idle_expires_at) values (?, ?, ?::timestamptz, ?::timestamptz)",
                SessionTokens.storedForm(token), id, ShopTime.now().minusSeconds(60).toString(),
                ShopTime.now().plusSeconds(3600).toString());
        Browser browser = new Browser();
        browser.cookies.put("mir_session", token);
        assertThat(browser.get("/account").statusCode()).isEqualTo(303);
    }

    @Test
    void loggingInAgainWithAStaleCookieGivesAWorkingSession() {
        String email = Fixtures.uniqueEmail("stale");
        db.account(email, "Stale");
        Browser browser = new Browser();
        browser.get("/login");
        browser.cookies.put("mir_session", SessionTokens.newToken());
        Response response = browser.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(browser.cookie("mir_session")).isNotNull();
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void loggedInShopperVisitingLoginGoesToTheAccount() {
        String email = Fixtures.uniqueEmail("again");
        db.account(email, "Again");
        Browser browser = new Browser();
        browser.logIn(email, Fixtures.PASSWORD);
        Response response = browser.get("/login");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/account");
    }

    @Test
    void errorPagesStillRenderForALoggedInShopper() {
        String email = Fixtures.uniqueEmail("errors");
        db.account(email, "Errors");
        Browser browser = new Browser();
        browser.logIn(email, Fixtures.PASSWORD);

        Response notFound = browser.get("/no-such-page-for-accounts");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.asString()).contains("My account");

        browser.get("/account");
        Response rejected = browser.postWithoutCsrf("/logout", Map.of());
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.asString()).contains("My account");
        assertThat(browser.get("/account").statusCode()).as("still logged in").isEqualTo(200);
    }
}
