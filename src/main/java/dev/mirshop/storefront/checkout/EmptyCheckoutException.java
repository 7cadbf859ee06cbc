package dev.mirshop.storefront.checkout;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Checkout was opened without anything in the cart: answered with the 400 "Your cart is empty" page it carries. */
class EmptyCheckoutException extends WebApplicationException {
    EmptyCheckoutException(Response page) {
        super(page);
    }
}
