package dev.mirshop.storefront.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An order's money, always computed on the server from the database and the discount service's answer.
 * {@code discountCode} is set when a code takes money off (or makes shipping free); {@code discount} is never more
 * than the items (percent, fixed) or the shipping (free shipping).
 */
public record Totals(BigDecimal itemTotal, BigDecimal shipping, BigDecimal discount, String currency,
        String discountCode, boolean freeShipping) {

    public Totals(BigDecimal itemTotal, BigDecimal shipping, BigDecimal discount, String currency) {
        this(itemTotal, shipping, discount, currency, null, false);
    }

    /** The money before any code: the items and the shipping of the chosen method (none chosen yet: no shipping). */
    public static Totals beforeDiscount(BigDecimal itemTotal, String shippingCode, String currency) {
        return new Totals(itemTotal, ShippingRates.priceOf(shippingCode, itemTotal), BigDecimal.ZERO.setScale(2),
                currency);
    }

    public BigDecimal total() {
        return itemTotal.add(shipping).subtract(discount);
    }

    /** A code applies: show the discount line (an amount, or "free shipping" before shipping is chosen). */
    public boolean hasDiscount() {
        return discountCode != null;
    }

    /**
     * The money a code takes off: the shipping for free shipping, otherwise the service's amount capped at the
     * item total, so a total never goes below the shipping charge.
     */
    public static BigDecimal discountOf(BigDecimal amount, boolean freeShipping, BigDecimal itemTotal,
            BigDecimal shipping) {
        BigDecimal off = freeShipping ? shipping : (amount == null ? BigDecimal.ZERO : amount.max(BigDecimal.ZERO));
        if (!freeShipping && off.compareTo(itemTotal) > 0) {
            off = itemTotal;
        }
        return off.setScale(2, RoundingMode.HALF_UP);
    }
}
