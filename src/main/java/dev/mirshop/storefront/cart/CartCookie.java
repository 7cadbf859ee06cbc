package dev.mirshop.storefront.cart;

import dev.mirshop.platform.security.RandomTokens;
import jakarta.ws.rs.core.NewCookie;

/** The cart's cookie: a random 256-bit token, HttpOnly and SameSite=Lax. The token is the cart's only key. */
public final class CartCookie {
    public static final String NAME = "mir_cart";
    private static final int MAX_AGE_SECONDS = 30 * 24 * 3600;

    private CartCookie() {
    }

    public static String newToken() {
        return RandomTokens.newToken();
    }

    /** A value we could have issued; anything else was tampered with. */
    public static boolean isWellFormed(String token) {
        return RandomTokens.isWellFormed(token);
    }

    /** The Set-Cookie that hands a cart to the browser for 30 days. */
    public static NewCookie issue(String token, boolean secure) {
        return base(token, secure).maxAge(MAX_AGE_SECONDS).build();
    }

    /** The Set-Cookie that makes the browser forget its cart cookie. */
    public static NewCookie clear(boolean secure) {
        return base("", secure).maxAge(0).build();
    }

    private static NewCookie.Builder base(String value, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
    }
}
