package dev.mirshop.storefront.wishlist;

import java.util.List;

/** A shopper's saved variants and the token of the private, read-only link that shows them. */
public record Wishlist(String ownerName, String shareToken, List<WishlistLine> lines) {

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public String sharePath() {
        return shareToken == null ? null : "/wishlist/shared/" + shareToken;
    }
}
