package dev.mirshop.discounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The rules of a code, apart from the database: whether it applies to an order, and how much it takes off. */
public final class DiscountRules {

    private DiscountRules() {
    }

    /**
     * Checks a code against an order. {@code customerUses} is how often this customer already used the code,
     * or -1 when the customer is unknown (an anonymous cart): the per-customer limit is then checked at redeem.
     */
    public static Verdict check(DiscountCode code, BigDecimal orderTotal, Instant now, long customerUses) {
        if (code == null || !code.active) {
            return Verdict.rejected(RejectionReason.unknown);
        }
        if (!code.startedBy(now)) {
            return Verdict.rejected(RejectionReason.not_started);
        }
        if (code.endedBy(now)) {
            return Verdict.rejected(RejectionReason.expired);
        }
        if (code.exhausted()) {
            return Verdict.rejected(RejectionReason.exhausted);
        }
        if (code.perCustomerLimit != null && customerUses >= code.perCustomerLimit) {
            return Verdict.rejected(RejectionReason.already_used);
        }
        if (orderTotal.compareTo(code.minimumOrderTotal) < 0) {
            return Verdict.rejected(RejectionReason.minimum_not_met);
        }
        return Verdict.applied(amountOff(code, orderTotal));
    }

    static BigDecimal amountOff(DiscountCode code, BigDecimal orderTotal) {
        BigDecimal amount = switch (code.kind) {
            case percent -> orderTotal.multiply(code.value).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            case fixed -> code.value;
            case free_shipping -> BigDecimal.ZERO;
        };
        return amount.min(orderTotal).setScale(2, RoundingMode.HALF_UP);
    }

    public record Verdict(boolean applies, BigDecimal amount, RejectionReason reason) {
        static Verdict applied(BigDecimal amount) {
            return new Verdict(true, amount, null);
        }

        static Verdict rejected(RejectionReason reason) {
            return new Verdict(false, null, reason);
        }
    }
}
