package dev.mirshop.storefront.checkout;

/** Spree's checkout steps, in order. */
public enum Step {
    ADDRESS("address", "Address"),
    DELIVERY("delivery", "Delivery"),
    PAYMENT("payment", "Payment"),
    CONFIRM("confirm", "Confirm");

    private final String slug;
    private final String label;

    Step(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String path() {
        return "/checkout/" + slug;
    }

    public String label() {
        return label;
    }
}
