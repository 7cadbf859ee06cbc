package dev.mirshop.storefront.order;

import java.util.Optional;

import dev.mirshop.storefront.cart.Cart;
import dev.mirshop.storefront.cart.Shopper;
import dev.mirshop.storefront.clients.Redemption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The only way to turn a checked-out cart into an order: {@link #placeOrder} runs the whole protocol, each step in
 * the transaction it needs ({@link PlacementSteps}):
 * <ol>
 * <li>prepare: the cart gets its order number once (kept across attempts, so a retry redeems under the same number
 * and the discount service, idempotent by order number, never counts the code twice);</li>
 * <li>redeem: the cart's code, outside any database transaction (no row is locked while the discount service
 * answers); anything but REDEEMED places nothing (stock untouched, cart and code kept);</li>
 * <li>place: one transaction that takes stock with guarded UPDATEs (never negative, concurrent checkouts of the last
 * units cannot oversell), prices the lines after their rows are locked, writes the order, its lines and its
 * confirmation mail, and empties the cart;</li>
 * <li>if placing failed after a redemption (stock ran out, the checkout changed), the redemption is given back, so a
 * single-use code is not burnt by an order that does not exist.</li>
 * </ol>
 * Failures arrive as {@link EmptyCartException}, {@link CheckoutIncompleteException}, {@link OutOfStockException}
 * and {@link DiscountNotRedeemedException}; after any of them no order, no stock change and no redemption remain.
 */
@ApplicationScoped
public class OrderPlacement {

    @Inject
    PlacementSteps steps;

    public PlacedOrder placeOrder(Cart cart, Shopper shopper) {
        Optional<Long> accountId = shopper.accountId();
        PlacementSteps.Attempt attempt = steps.prepare(cart.id, accountId);
        Optional<Redemption> redemption = steps.redeem(attempt);
        try {
            return steps.place(cart.id, accountId, attempt, redemption);
        } catch (RuntimeException notPlaced) {
            if (redemption.isPresent()) {
                steps.release(attempt);
            }
            throw notPlaced;
        }
    }
}
