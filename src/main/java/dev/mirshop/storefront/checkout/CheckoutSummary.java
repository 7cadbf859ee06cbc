package dev.mirshop.storefront.checkout;

import dev.mirshop.storefront.cart.CartView;
import dev.mirshop.storefront.pricing.Totals;

/**
 * The order summary beside every checkout step. {@code couponNote} says why the cart's code takes nothing off
 * right now (rejected, or the discount service unavailable); null when there is no code or it applies.
 */
public record CheckoutSummary(CartView items, Totals totals, boolean shippingKnown, String couponNote) {
}
