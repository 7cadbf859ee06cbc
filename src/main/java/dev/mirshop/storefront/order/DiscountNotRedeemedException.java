package dev.mirshop.storefront.order;

import dev.mirshop.storefront.cart.Coupons;
import dev.mirshop.storefront.clients.Redemption;

/** The cart's code could not be redeemed: the order is not placed (the placement rolls back). */
public class DiscountNotRedeemedException extends RuntimeException {

    public static final String UNAVAILABLE = "Discounts are unavailable right now — remove the code or try again.";

    private final transient Redemption redemption;
    private final String code;

    public DiscountNotRedeemedException(String code, Redemption redemption) {
        super("Discount code not redeemed: " + redemption.outcome(), null, false, false);
        this.code = code;
        this.redemption = redemption;
    }

    /** The cart's code changed between redeeming and placing (another tab): nothing placed, try again. */
    public static DiscountNotRedeemedException changed(String code) {
        return new DiscountNotRedeemedException(code, Redemption.rejected(null, code, "changed",
                "Your discount code changed while the order was being placed. Please check the total and place it again."));
    }

    public boolean unavailable() {
        return redemption.outcome() == Redemption.Outcome.UNAVAILABLE;
    }

    /** What the shopper reads on the confirm page. */
    public String shopperMessage() {
        if (unavailable()) {
            return UNAVAILABLE;
        }
        if ("changed".equals(redemption.reason())) {
            return redemption.message();
        }
        return Coupons.ShopperMessages.reason(redemption.reason(), code, null)
                + " Remove the code to place your order without it.";
    }
}
