package dev.mirshop.storefront.cart;

/** Fired inside the cart transaction when a shopper adds a variant; observers that count it wait for the commit. */
public record CartItemAdded(long variantId, int quantity) {
}
