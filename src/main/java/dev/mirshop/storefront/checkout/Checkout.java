package dev.mirshop.storefront.checkout;

import dev.mirshop.storefront.cart.Cart;
import dev.mirshop.storefront.cart.CartView;
import dev.mirshop.storefront.cart.PaymentMethod;

/** A cart on its way through checkout: its saved progress and its lines priced now. */
public record Checkout(Cart cart, CartView items) {

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The first step still to do: the address until one is saved, then delivery, then payment, then confirm. */
    public Step firstIncomplete() {
        if (!hasAddress()) {
            return Step.ADDRESS;
        }
        if (!cart.hasDelivery()) {
            return Step.DELIVERY;
        }
        if (!hasPayment()) {
            return Step.PAYMENT;
        }
        return Step.CONFIRM;
    }

    /** A step may be shown when every step before it is done. */
    public boolean canOpen(Step step) {
        return step.ordinal() <= firstIncomplete().ordinal();
    }

    public boolean hasAddress() {
        return cart.hasAddress();
    }

    public boolean hasPayment() {
        return cart.hasPayment();
    }

    public boolean paysByCard() {
        return PaymentMethod.CARD.code().equals(cart.paymentMethod);
    }
}
