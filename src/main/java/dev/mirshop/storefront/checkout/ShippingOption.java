package dev.mirshop.storefront.checkout;

import java.math.BigDecimal;

/** A shipping method as the delivery step offers it, priced for this cart. */
public record ShippingOption(String code, String name, String description, BigDecimal price, BigDecimal listPrice,
        String currency, boolean selected) {

    public boolean free() {
        return price.signum() == 0;
    }

    public boolean discounted() {
        return price.compareTo(listPrice) < 0;
    }
}
