package dev.mirshop.storefront.wishlist;

import java.math.BigDecimal;

/** A saved variant as the wishlist pages show it, with today's price and stock. */
public record WishlistLine(long itemId, long variantId, String productName, String productSlug, String sku,
        String variantLabel, String imageUrl, String imageAlt, BigDecimal price, String currency, int stock) {

    public boolean hasOptions() {
        return variantLabel != null && !variantLabel.isBlank();
    }

    public boolean inStock() {
        return stock > 0;
    }

    /** The product page with this variant selected. */
    public String productUrl() {
        return "/products/" + productSlug + "?variant=" + variantId;
    }
}
