package dev.mirshop.storefront.cart;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a shopper pays: the value of the payment_method column of carts and orders (and of the payment form's
 * radio buttons), and the payment_method tag of shop_orders_placed_total that dashboards read.
 */
public enum PaymentMethod {
    CARD("card", "card"),
    PAY_ON_DELIVERY("cod", "pay_on_delivery");

    private final String code;
    private final String meterTag;

    PaymentMethod(String code, String meterTag) {
        this.code = code;
        this.meterTag = meterTag;
    }

    /** As stored and as the form sends it. */
    public String code() {
        return code;
    }

    /** As the orders meter tags it. */
    public String meterTag() {
        return meterTag;
    }

    public static Optional<PaymentMethod> ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
