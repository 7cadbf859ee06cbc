package dev.mirshop.storefront.catalog;

import java.util.List;

/** One page of a listing: its cards and how many products match in all. */
public record ListingPage(List<ProductCard> cards, long total, int page) {

    public int totalPages() {
        return (int) Math.max(1, (total + ListingQuery.PAGE_SIZE - 1) / ListingQuery.PAGE_SIZE);
    }
}
