package dev.mirshop.storefront.checkout;

import java.math.BigDecimal;

/** An order's money, always computed on the server from the database. Discounts come with a later issue: 0 for now. */
public record Totals(BigDecimal itemTotal, BigDecimal shipping, BigDecimal discount, String currency) {

    public BigDecimal total() {
        return itemTotal.add(shipping).subtract(discount);
    }
}
