package dev.mirshop.storefront.order;

import java.math.BigDecimal;

import dev.mirshop.storefront.cart.PaymentMethod;

/** Fired inside the placing transaction; observers that count it wait for the commit. */
public record OrderPlaced(String number, PaymentMethod paymentMethod, BigDecimal total, String currency, int items) {
}
