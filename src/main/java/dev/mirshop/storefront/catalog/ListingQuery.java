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

    public boolean search() {
        return keywords != null;
    }

    public boolean filtered() {
        return !sizes.isEmpty() || !colors.isEmpty() || minPrice != null || maxPrice != null;
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    public ListingQuery inTaxon(String taxonPermalink) {
        return new ListingQuery(taxonPermalink, keywords, sizes, colors, minPrice, maxPrice, sort, page);
    }
}
