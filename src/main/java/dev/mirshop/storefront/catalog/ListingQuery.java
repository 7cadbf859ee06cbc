package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a listing shows, parsed and validated from GET parameters: the taxon (permalink prefix) or all products,
 * full-text keywords, option-value filters, a price range, the order and the page (1-based).
 */
public record ListingQuery(String permalink, String keywords, List<String> sizes, List<String> colors,
        BigDecimal minPrice, BigDecimal maxPrice, ListingSort sort, int page) {

    public static final int PAGE_SIZE = 12;
    /**
     * Bounded pagination: a listing shows its first 50 pages and a search its first 10, so no page reads more rows
     * than those pages hold (a search ranks its matches in two tiers, each read up to its last page), whatever the
     * size of the catalog. Filters, sorts and other words reach the rest.
     */
    public static final int MAX_PAGE = 50;
    public static final int MAX_SEARCH_PAGE = 10;

    public boolean search() {
        return keywords != null;
    }

    public boolean filtered() {
        return !sizes.isEmpty() || !colors.isEmpty() || minPrice != null || maxPrice != null;
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    /** The last page this listing shows. */
    public int maxPage() {
        return maxPage(search());
    }

    static int maxPage(boolean search) {
        return search ? MAX_SEARCH_PAGE : MAX_PAGE;
    }

    /** How many products its pages can show at most. */
    int shown() {
        return maxPage() * PAGE_SIZE;
    }

    /** A listing with this query shows these keywords' matches, its own filters, or neither. */
    boolean narrowed() {
        return search() || filtered();
    }

    /** The same listing for other keywords (a "Did you mean" correction), from its first page. */
    public ListingQuery withKeywords(String otherKeywords) {
        return new ListingQuery(permalink, otherKeywords, sizes, colors, minPrice, maxPrice, sort, 1);
    }

    public ListingQuery inTaxon(String taxonPermalink) {
        return new ListingQuery(taxonPermalink, keywords, sizes, colors, minPrice, maxPrice, sort, page);
    }
}
