package dev.mirshop.storefront.cart;

import java.util.Optional;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The cart token of this request, read from the mir_cart cookie; a tampered value is refused, never looked up. */
@RequestScoped
public class CurrentCart {

    @Inject
    HttpServerRequest request;

    /** The token, if the browser sent one; throws {@link InvalidCartCookieException} when it is not one we issue. */
    public Optional<String> token() {
        Cookie cookie = request.getCookie(CartCookie.NAME);
        if (cookie == null) {
            return Optional.empty();
        }
        String value = cookie.getValue();
        if (!CartCookie.isWellFormed(value)) {
            throw new InvalidCartCookieException();
        }
        return Optional.of(value);
    }

    /** Cookies get the Secure flag when the shopper reached us over HTTPS, directly or through a TLS proxy. */
    public boolean secure() {
        String forwarded = request.getHeader("X-Forwarded-Proto");
        return request.isSSL() || (forwarded != null && forwarded.trim().equalsIgnoreCase("https"));
    }
}
