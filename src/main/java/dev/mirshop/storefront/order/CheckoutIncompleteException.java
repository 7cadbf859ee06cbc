package dev.mirshop.storefront.order;

/**
 * The cart is missing a checkout step (e.g. a declined card in another tab forgot its payment) between the confirm
 * page and "Place order": nothing was placed; the checkout sends the shopper back to the step still to do.
 */
public class CheckoutIncompleteException extends RuntimeException {

    public CheckoutIncompleteException() {
        super("The cart's checkout is not complete", null, false, false);
    }
}
