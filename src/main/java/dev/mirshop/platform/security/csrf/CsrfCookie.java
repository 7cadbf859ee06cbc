package dev.mirshop.platform.security.csrf;

import java.time.Duration;
import java.util.regex.Pattern;

import dev.mirshop.platform.security.AuthCookies;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The browser's CSRF nonce: 256 random bits in an HttpOnly, SameSite=Lax cookie. Over HTTPS it is
 * {@code __Host-mir_csrf} (Secure, Path=/, no Domain: no sibling subdomain and no plain-HTTP page can plant it);
 * over plain HTTP (a laptop, the tests) it is {@code mir_csrf}. The cookie is not the token: forms carry the
 * token {@link CsrfKey} derives from it.
 */
public final class CsrfCookie {

    public static final String HTTPS_NAME = "__Host-mir_csrf";
    public static final String HTTP_NAME = "mir_csrf";
    /** A form may stay open for a working day. */
    static final Duration MAX_AGE = Duration.ofHours(8);
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private CsrfCookie() {
    }

    public static String name(RoutingContext rc) {
        return AuthCookies.isHttps(rc.request()) ? HTTPS_NAME : HTTP_NAME;
    }

    /** The nonce the browser sent, or null when it sent none (or one we could not have issued). */
    static String nonce(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(name(rc));
        return cookie != null && NONCE.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
    }

    static void set(RoutingContext rc, String nonce) {
        rc.response().addCookie(Cookie.cookie(name(rc), nonce).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setSecure(AuthCookies.isHttps(rc.request()))
                .setMaxAge(MAX_AGE.toSeconds()));
    }
}
