package dev.mirshop.storefront.order;

import dev.mirshop.storefront.checkout.Step;

/** The cart lost a checkout step (e.g. a declined card in another tab) between the confirm page and "Place order". */
public class CheckoutIncompleteException extends RuntimeException {
    private final Step step;

    public CheckoutIncompleteException(Step step) {
        super("Checkout step missing: " + step, null, false, false);
        this.step = step;
    }

    public Step step() {
        return step;
    }
}
