package dev.mirshop.storefront.checkout;

import dev.mirshop.storefront.cart.CartView;

/** The order summary beside every checkout step. */
public record CheckoutSummary(CartView items, Totals totals, boolean shippingKnown) {
}
