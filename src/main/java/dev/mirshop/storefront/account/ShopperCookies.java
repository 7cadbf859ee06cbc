package dev.mirshop.storefront.account;

import java.time.Duration;

import dev.mirshop.platform.security.AuthCookies;
import dev.mirshop.platform.security.SessionPolicy;
import dev.mirshop.platform.security.SessionTokens;
import dev.mirshop.storefront.cart.CartCookie;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Logs the current request in or out: runs the login flow, then writes the session and cart cookies. */
@RequestScoped
public class ShopperCookies {

    /** How long the browser keeps the cart cookie we (re)point at an account's cart. */
    static final Duration CART_COOKIE_LIFETIME = Duration.ofDays(30);

    @Inject
    HttpServerRequest request;
    @Inject
    HttpServerResponse response;
    @Inject
    LoginFlow flow;
    @Inject
    SessionPolicy sessions;

    public void logIn(long accountId) {
        LoginFlow.LoggedIn loggedIn = flow.logIn(accountId, value(SessionTokens.COOKIE), value(CartCookie.NAME));
        AuthCookies.set(request, response, SessionTokens.COOKIE, loggedIn.sessionToken(), sessions.maxLifetime());
        GuestCartMerge.CookieChange cart = loggedIn.cart();
        if (cart.token() != null) {
            AuthCookies.set(request, response, CartCookie.NAME, cart.token(), CART_COOKIE_LIFETIME);
        } else if (cart.clear()) {
            AuthCookies.clear(request, response, CartCookie.NAME);
        }
    }

    public void logOut() {
        flow.logOut(value(SessionTokens.COOKIE));
        AuthCookies.clear(request, response, SessionTokens.COOKIE);
        AuthCookies.clear(request, response, CartCookie.NAME);
    }

    private String value(String name) {
        Cookie cookie = request.getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }
}
