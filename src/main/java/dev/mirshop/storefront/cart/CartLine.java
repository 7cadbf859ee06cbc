package dev.mirshop.storefront.cart;

import java.math.BigDecimal;

/** A cart item as the cart and checkout pages show it, with the variant's current price and stock. */
public record CartLine(long itemId, long variantId, String productName, String productSlug, String sku,
        String variantLabel, String imageUrl, String imageAlt, BigDecimal unitPrice, String currency, int quantity,
        int stock) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public boolean hasOptions() {
        return variantLabel != null && !variantLabel.isBlank();
    }

    /** More in the cart than is in stock right now: checkout will refuse this line. */
    public boolean exceedsStock() {
        return quantity > stock;
    }

    /** The most a shopper may ask for in the quantity field. */
    public int maxQuantity() {
        return Math.max(1, Math.min(stock, CartLimits.MAX_QUANTITY));
    }
}
