package dev.mirshop.storefront.catalog;

import java.util.List;

/**
 * One page of a listing: its cards and how many products match in all, exactly, or, for a filtered listing or a
 * search with more matches than its pages can show, at least {@code total} ({@code more}).
 */
public record ListingPage(List<ProductCard> cards, long total, boolean more, int page, int maxPage) {

    /** Pages a shopper can reach: at most {@code maxPage}, however many products match. */
    public int totalPages() {
        long pages = Math.max(1, (total + ListingQuery.PAGE_SIZE - 1) / ListingQuery.PAGE_SIZE);
        return (int) Math.min(pages, maxPage);
    }
}
