package dev.mirshop.storefront.checkout;

import java.math.BigDecimal;

/** What shipping costs: the method's price, except Standard, which is free from $75.00 of items (the home page promises it). */
public final class ShippingRates {
    public static final String STANDARD = "standard";
    public static final BigDecimal FREE_STANDARD_FROM = new BigDecimal("75.00");

    private ShippingRates() {
    }

    public static BigDecimal price(ShippingMethod method, BigDecimal itemTotal) {
        if (STANDARD.equals(method.code) && itemTotal.compareTo(FREE_STANDARD_FROM) >= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return method.price;
    }
}
