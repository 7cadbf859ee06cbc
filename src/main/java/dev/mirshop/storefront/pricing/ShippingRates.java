package dev.mirshop.storefront.pricing;

import java.math.BigDecimal;

/** What shipping costs: the method's price, except Standard, which is free from $75.00 of items (the home page promises it). */
public final class ShippingRates {
    public static final String STANDARD = "standard";
    public static final BigDecimal FREE_STANDARD_FROM = new BigDecimal("75.00");

    private ShippingRates() {
    }

    /** The shipping charge for the method of this code; zero while none is chosen (or the method is gone). */
    public static BigDecimal priceOf(String code, BigDecimal itemTotal) {
        ShippingMethod method = code == null ? null : ShippingMethod.findById(code);
        return method == null ? BigDecimal.ZERO.setScale(2) : price(method, itemTotal);
    }

    public static BigDecimal price(ShippingMethod method, BigDecimal itemTotal) {
        if (STANDARD.equals(method.code) && itemTotal.compareTo(FREE_STANDARD_FROM) >= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return method.price;
    }
}
