package dev.mirshop.storefront.catalog;

import java.util.List;

/**
 * The size and color values a listing can filter by, with how many of its products have each (read from the
 * precomputed listing_facet_counts), and how many products it lists in all.
 */
public record OptionFacets(long products, List<Type> types) {

    public record Value(String name, String presentation, long products) {
    }

    public record Type(String name, String presentation, List<Value> values) {
    }
}
