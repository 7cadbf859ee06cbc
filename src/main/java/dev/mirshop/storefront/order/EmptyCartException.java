package dev.mirshop.storefront.order;

/** The cart had no items left to order (e.g. a second click on "Place order"). */
public class EmptyCartException extends RuntimeException {
    public EmptyCartException() {
        super("The cart is empty", null, false, false);
    }
}
