package dev.mirshop.storefront.cart;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.NewCookie;

/** The cart's cookie: a random 256-bit token, HttpOnly and SameSite=Lax. The token is the cart's only key. */
public final class CartCookie {
    public static final String NAME = "mir_cart";
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_AGE_SECONDS = 30 * 24 * 3600;

    private CartCookie() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A value we could have issued; anything else was tampered with. */
    public static boolean isWellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
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
