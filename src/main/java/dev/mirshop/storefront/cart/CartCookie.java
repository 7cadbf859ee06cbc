package dev.mirshop.storefront.cart;

import java.time.Duration;
import java.util.Optional;

import dev.mirshop.platform.security.AuthCookies;
import dev.mirshop.platform.security.RandomTokens;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The one way in to the mir_cart cookie: reading it, checking it and writing it. Its value is a random 256-bit
 * token, the cart's only key; a value we could not have issued was tampered with and is never looked up. The cookie
 * is written like every shop cookie ({@link AuthCookies}: HttpOnly, SameSite=Lax, Path=/, Secure when the shopper
 * reached us over HTTPS).
 */
@RequestScoped
public class CartCookie {
    public static final String NAME = "mir_cart";
    static final Duration LIFETIME = Duration.ofDays(30);

    @Inject
    HttpServerRequest request;
    @Inject
    HttpServerResponse response;

    public static String newToken() {
        return RandomTokens.newToken();
    }

    /** A value we could have issued; anything else was tampered with. */
    public static boolean isWellFormed(String token) {
        return RandomTokens.isWellFormed(token);
    }

    /**
     * The token, if the browser sent one, for pages that work on the cart; throws {@link InvalidCartCookieException}
     * (a 400 page that clears the cookie) when it is not one we issue.
     */
    public Optional<String> token() {
        Optional<String> sent = sent();
        if (sent.isPresent() && !isWellFormed(sent.get())) {
            throw new InvalidCartCookieException();
        }
        return sent;
    }

    /**
     * The token when it is one we issue, else empty: for what only shows or moves a cart (the layout's cart count,
     * the merge at login) and must not fail because of a tampered cookie.
     */
    public Optional<String> tokenIfValid() {
        return sent().filter(CartCookie::isWellFormed);
    }

    /** The browser sent a cart cookie, valid or not. */
    public boolean isSent() {
        return sent().isPresent();
    }

    /**
     * Makes the cookie name this cart (for 30 days), or forget its cart when there is none; writes no Set-Cookie
     * when the browser already holds what it should.
     */
    public void pointTo(Optional<String> token) {
        if (token.isPresent()) {
            if (!token.equals(sent())) {
                AuthCookies.set(request, response, NAME, token.get(), LIFETIME);
            }
        } else if (isSent()) {
            clear();
        }
    }

    /** Makes the browser forget its cart cookie. */
    public void clear() {
        AuthCookies.clear(request, response, NAME);
    }

    private Optional<String> sent() {
        Cookie cookie = request.getCookie(NAME);
        return cookie == null ? Optional.empty() : Optional.of(cookie.getValue());
    }
}
