package dev.mirshop.storefront.clients;

import java.math.BigDecimal;

/**
 * What the discount service said about a code for this cart: applied (with the amount off), rejected (with a
 * machine-readable reason and a sentence for the shopper), or unavailable (the service did not answer in time).
 */
public record DiscountCheck(Outcome outcome, String code, BigDecimal amount, boolean freeShipping, String reason,
        String message) {

    public enum Outcome {
        APPLIED, REJECTED, UNAVAILABLE
    }

    public static final String UNAVAILABLE_MESSAGE = "Discounts are unavailable right now. Your cart is saved; "
            + "please try the code again in a moment.";

    public static DiscountCheck applied(String code, BigDecimal amount, boolean freeShipping, String message) {
        return new DiscountCheck(Outcome.APPLIED, code, amount, freeShipping, null, message);
    }

    public static DiscountCheck rejected(String code, String reason, String message) {
        return new DiscountCheck(Outcome.REJECTED, code, null, false, reason, message);
    }

    public static DiscountCheck unavailable(String code) {
        return new DiscountCheck(Outcome.UNAVAILABLE, code, null, false, "unavailable", UNAVAILABLE_MESSAGE);
    }

    public boolean isApplied() {
        return outcome == Outcome.APPLIED;
    }

    public boolean isRejected() {
        return outcome == Outcome.REJECTED;
    }

    public boolean isUnavailable() {
        return outcome == Outcome.UNAVAILABLE;
    }
}
