package dev.mirshop.storefront;

import dev.mirshop.observability.StorefrontMeters;
import dev.mirshop.storefront.cart.CartItemAdded;
import dev.mirshop.storefront.order.OrderPlaced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Counts the storefront's domain events once their transaction has committed (a rolled-back order counts nothing).
 * It only records: the events say what happened, with the tag values their own side chose (e.g. the payment
 * method's {@code meterTag}); no shop rule is decided here.
 */
@ApplicationScoped
public class StorefrontEventMeters {

    @Inject
    StorefrontMeters meters;

    void cartItemAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) CartItemAdded event) {
        meters.cartAddition();
    }

    void orderPlaced(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderPlaced event) {
        meters.orderPlaced(event.paymentMethod().meterTag(), event.total(), event.currency(), event.items());
        meters.checkoutStep("complete");
    }
}
