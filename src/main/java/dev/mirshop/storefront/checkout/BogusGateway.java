package dev.mirshop.storefront.checkout;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A test card gateway after Spree's Bogus gateway: 4111 1111 1111 1111 is approved, every other (valid) number is
 * declined. It answers with what may be kept of a card: its brand and last four digits.
 */
@ApplicationScoped
public class BogusGateway {
    static final String APPROVED_NUMBER = "4111111111111111";

    public record Authorization(boolean approved, String brand, String last4) {
    }

    public Authorization authorize(PaymentForm card) {
        String digits = card.cardDigits();
        if (digits == null) {
            throw new IllegalStateException("authorize needs a validated card");
        }
        return new Authorization(APPROVED_NUMBER.equals(digits), brand(digits), digits.substring(digits.length() - 4));
    }

    static String brand(String digits) {
        if (digits.startsWith("4")) {
            return "Visa";
        }
        if (digits.startsWith("34") || digits.startsWith("37")) {
            return "American Express";
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return "Mastercard";
        }
        if (digits.startsWith("6011") || digits.startsWith("65")) {
            return "Discover";
        }
        return "Card";
    }
}
