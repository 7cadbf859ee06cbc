package dev.mirshop.storefront.account;

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

    @Inject
    HttpServerRequest request;
    @Inject
    HttpServerResponse response;
    @Inject
    LoginFlow flow;
    @Inject
    SessionPolicy sessions;
    @Inject
    CartCookie cartCookie;

    public void logIn(long accountId) {
        LoginFlow.LoggedIn loggedIn = flow.logIn(accountId, sessionToken(), cartCookie.tokenIfValid());
        AuthCookies.set(request, response, SessionTokens.COOKIE, loggedIn.sessionToken(), sessions.maxLifetime());
        cartCookie.pointTo(loggedIn.cartToken());
    }

    public void logOut() {
        flow.logOut(sessionToken());
        AuthCookies.clear(request, response, SessionTokens.COOKIE);
        cartCookie.clear();
    }

    private String sessionToken() {
        Cookie cookie = request.getCookie(SessionTokens.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }
}
