package dev.mirshop.storefront.cart;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The cart's cookie: a random 256-bit token, HttpOnly and SameSite=Lax. The token is the cart's only key. */
public final class CartCookie {
    public static final String NAME = "mir_cart";
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();

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
}
