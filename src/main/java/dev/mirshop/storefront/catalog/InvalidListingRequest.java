package dev.mirshop.storefront.catalog;

/** A GET parameter of a catalog page that cannot be understood; the message is shown to the shopper as is. */
public class InvalidListingRequest extends RuntimeException {
    public InvalidListingRequest(String message) {
        super(message, null, false, false);
    }
}
