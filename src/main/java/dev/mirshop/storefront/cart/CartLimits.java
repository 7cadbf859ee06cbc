package dev.mirshop.storefront.cart;

/** Limits of what one cart line may hold. */
public final class CartLimits {
    public static final int MAX_QUANTITY = 99;

    private CartLimits() {
    }
}
