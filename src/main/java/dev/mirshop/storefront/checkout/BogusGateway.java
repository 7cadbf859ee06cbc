package dev.mirshop.storefront.checkout;

import dev.mirshop.platform.faults.PaymentFaults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A test card gateway after Spree's Bogus gateway: 4111 1111 1111 1111 is approved, every other (valid) number is
 * declined. It answers with what may be kept of a card: its brand and last four digits. The payment faults
 * (platform.faults.PaymentFaults) can make it slow, time out or decline every card.
 */
@ApplicationScoped
public class BogusGateway {
    static final String APPROVED_NUMBER = "4111111111111111";

    public record Authorization(boolean approved, String brand, String last4) {
    }

    @Inject
    PaymentFaults faults;

    public Authorization authorize(PaymentForm card) {
        String digits = card.cardDigits();
        if (digits == null) {
            throw new IllegalStateException("authorize needs a validated card");
        }
        if (faults != null) { // null when built without CDI (BogusGatewayTest)
            faults.beforeAuthorization();
        }
        boolean approved = APPROVED_NUMBER.equals(digits) && (faults == null || !faults.declines());
        return new Authorization(approved, brand(digits), digits.substring(digits.length() - 4));
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
