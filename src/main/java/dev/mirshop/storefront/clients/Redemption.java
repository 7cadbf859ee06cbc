package dev.mirshop.storefront.clients;

import java.math.BigDecimal;

/**
 * The answer to redeeming a code for an order. Only {@link Outcome#REDEEMED} lets an order claim the discount;
 * redeeming is idempotent by order number, so after UNAVAILABLE the same call can safely be made again.
 */
public record Redemption(Outcome outcome, String orderNumber, String code, BigDecimal amount, boolean freeShipping,
        String reason, String message) {

    public enum Outcome {
        REDEEMED, REJECTED, UNAVAILABLE
    }

    public static Redemption redeemed(String orderNumber, String code, BigDecimal amount, boolean freeShipping) {
        return new Redemption(Outcome.REDEEMED, orderNumber, code, amount, freeShipping, null, null);
    }

    public static Redemption rejected(String orderNumber, String code, String reason, String message) {
        return new Redemption(Outcome.REJECTED, orderNumber, code, null, false, reason, message);
    }

    public static Redemption unavailable(String orderNumber, String code) {
        return new Redemption(Outcome.UNAVAILABLE, orderNumber, code, null, false, "unavailable",
                DiscountCheck.UNAVAILABLE_MESSAGE);
    }

    public boolean isRedeemed() {
        return outcome == Outcome.REDEEMED;
    }
}
