package dev.mirshop.storefront.cart;

import jakarta.ws.rs.core.Response;

/** Parses the numbers of cart forms, with messages a shopper understands. */
public final class FormNumbers {
    private static final int MAX_DIGITS = 18;

    private FormNumbers() {
    }

    public static int quantity(String raw) {
        if (raw == null || raw.isBlank()) {
            throw bad("Please enter a quantity.");
        }
        String value = raw.trim();
        if (!value.matches("[+-]?\\d{1," + MAX_DIGITS + "}")) {
            throw bad("Quantity must be a whole number, for example 1 or 2.");
        }
        long n = Long.parseLong(value);
        if (n < 1) {
            throw bad("Quantity must be at least 1. To take an item out of your cart, use Remove.");
        }
        if (n > CartLimits.MAX_QUANTITY) {
            throw bad("You can order at most " + CartLimits.MAX_QUANTITY + " of one item.");
        }
        return (int) n;
    }

    /** An id field (variant_id, item_id); null when it is missing or not a number. */
    public static Long id(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.trim();
        if (!value.matches("\\d{1,19}")) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException tooBig) {
            return null;
        }
    }

    private static CartException bad(String message) {
        return new CartException(Response.Status.BAD_REQUEST, message);
    }
}
