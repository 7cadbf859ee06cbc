package dev.mirshop.storefront.order;

import java.math.BigDecimal;

/** Fired inside the placing transaction; observers that count it wait for the commit. */
public record OrderPlaced(String number, String paymentMethod, BigDecimal total, String currency, int items) {
}
