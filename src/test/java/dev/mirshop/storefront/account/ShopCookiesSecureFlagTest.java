package dev.mirshop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.CartCookie;
import dev.mirshop.testing.Browser;
import dev.mirshop.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Issue 15, point 3: the cart cookie and the session cookie follow one Secure rule (platform.security.AuthCookies):
 * behind a proxy chain that sends {@code X-Forwarded-Proto: https, http} both are Secure (the first value is the
 * scheme the client-facing proxy saw), and the header counts only from a trusted proxy (127.0.0.1 in tests).
 */
@QuarkusTest
class ShopCookiesSecureFlagTest {

    private static final String CHAIN = "https, http";

    @Inject
    Fixtures db;

    /** GET /cart with a malformed session and cart cookie: the answer clears both, so both Set-Cookies show the rule. */
    private static List<String> clearedCookies(String from, String forwardedProto) {
        RawHttp.Answer answer = RawHttp.send(from, "GET /cart HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: "
                + forwardedProto + "\r\nCookie: mir_session=not-a-session; " + CartCookie.NAME
                + "=not-a-token\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        String head = answer.raw().substring(0, answer.raw().indexOf("\r\n\r\n"));
        return Arrays.stream(head.split("\r\n")).filter(l -> l.toLowerCase(Locale.ROOT).startsWith("set-cookie:"))
                .map(l -> l.substring("set-cookie:".length()).strip()).toList();
    }

    private static String cookie(List<String> setCookies, String name) {
        Optional<String> found = setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst();
        assertThat(found).as("Set-Cookie " + name + " in " + setCookies).isPresent();
        return found.get();
    }

    private static boolean secure(String setCookie) {
        return Arrays.stream(setCookie.split(";")).map(String::strip).anyMatch("Secure"::equalsIgnoreCase);
    }

    @Test
    void behindAProxyChainTheCartAndSessionCookiesAreBothSecure() {
        List<String> cleared = clearedCookies("127.0.0.1", CHAIN);
        assertThat(secure(cookie(cleared, CartCookie.NAME))).as("cart cookie").isTrue();
        assertThat(secure(cookie(cleared, "mir_session"))).as("session cookie").isTrue();
    }

    @Test
    void fromAnUntrustedClientTheHeaderCountsForNeitherCookie() {
        List<String> cleared = clearedCookies("127.0.0.2", "https");
        assertThat(secure(cookie(cleared, CartCookie.NAME))).as("cart cookie").isFalse();
        assertThat(secure(cookie(cleared, "mir_session"))).as("session cookie").isFalse();
    }

    @Test
    void aShopperBehindTheChainGetsASecureCartCookieAndASecureSessionCookie() {
        String email = Fixtures.uniqueEmail("chain");
        long me = db.account(email, "Chain");
        String accountCart = CartCookie.newToken();
        db.cart(accountCart, me);
        Browser browser = new Browser();
        browser.headers.put("X-Forwarded-Proto", CHAIN);
        browser.get("/login");
        // no guest cart: the login points the cart cookie at the account's cart
        Response login = browser.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD));

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.detailedCookie("mir_session").isSecured()).isTrue();
        assertThat(login.detailedCookie(CartCookie.NAME).getValue()).isEqualTo(accountCart);
        assertThat(login.detailedCookie(CartCookie.NAME).isSecured()).isTrue();
    }

    @Test
    void aTamperedCartCookieIsIgnoredByTheLayoutAndClearedAtLogin() {
        String email = Fixtures.uniqueEmail("tampered");
        db.account(email, "Tampered");
        Browser browser = new Browser();
        browser.setCookie(CartCookie.NAME, "not-a-token");
        Response home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(org.jsoup.Jsoup.parse(home.asString()).select("[data-cart-count]").text()).isEqualTo("0");

        browser.get("/login");
        Response login = browser.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD));

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.detailedCookie(CartCookie.NAME).getMaxAge()).isZero();
    }
}
