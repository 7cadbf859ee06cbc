package dev.mirshop.platform.security;

import java.time.Duration;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes the shop's HttpOnly, SameSite=Lax cookies through Vert.x's cookie jar, so a cookie set later in
 * a request replaces one cleared earlier (e.g. a stale session cookie cleared by the authentication
 * mechanism, then a fresh one set by POST /login). Secure when the request came over HTTPS.
 */
public final class AuthCookies {

    private AuthCookies() {
    }

    public static void set(HttpServerRequest request, HttpServerResponse response, String name, String value, Duration maxAge) {
        response.addCookie(base(request, name, value).setMaxAge(maxAge.toSeconds()));
    }

    public static void clear(HttpServerRequest request, HttpServerResponse response, String name) {
        response.addCookie(base(request, name, "").setMaxAge(0));
    }

    private static Cookie base(HttpServerRequest request, String name, String value) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(isHttps(request));
    }

    /**
     * Whether the browser reached the shop over HTTPS, the one rule for every cookie's Secure flag (session, cart,
     * CSRF) and for HSTS: a TLS connection, or the scheme Quarkus' proxy-address-forwarding took from a trusted proxy
     * (quarkus.http.proxy.trusted-proxies; the headers of anyone else are ignored). Of a list such as
     * {@code X-Forwarded-Proto: https, http} Quarkus takes the first value, the scheme the client-facing proxy saw.
     */
    public static boolean isHttps(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.scheme());
    }
}
