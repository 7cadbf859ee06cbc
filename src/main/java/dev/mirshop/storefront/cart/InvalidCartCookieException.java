package dev.mirshop.storefront.cart;

/** The mir_cart cookie holds something we never issued: rejected with a 400 page that clears it. */
public class InvalidCartCookieException extends RuntimeException {
    public InvalidCartCookieException() {
        super("The cart cookie was invalid", null, false, false);
    }
}
