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

    /** How many of the products have this value of this option type (0 when none has it). */
    public long products(String type, String value) {
        return types.stream().filter(t -> t.name().equals(type)).flatMap(t -> t.values().stream())
                .filter(v -> v.name().equals(value)).mapToLong(Value::products).findFirst().orElse(0);
    }
}
