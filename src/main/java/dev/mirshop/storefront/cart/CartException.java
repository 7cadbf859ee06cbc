package dev.mirshop.storefront.cart;

import jakarta.ws.rs.core.Response;

/** A cart change that cannot be made, with the message the shopper sees and the status of the answer. */
public class CartException extends RuntimeException {
    private final int status;

    public CartException(Response.Status status, String message) {
        super(message, null, false, false);
        this.status = status.getStatusCode();
    }

    public int status() {
        return status;
    }
}
