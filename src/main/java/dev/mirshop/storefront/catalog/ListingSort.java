package dev.mirshop.storefront.catalog;

import java.util.Arrays;
import java.util.Optional;

/** How a product listing is ordered; {@link #param} is the value of the {@code sort} GET parameter. */
public enum ListingSort {
    RELEVANCE("relevance", "Best match"),
    NEWEST("newest", "Newest"),
    PRICE_ASC("price_asc", "Price: low to high"),
    PRICE_DESC("price_desc", "Price: high to low"),
    NAME("name", "Name");

    public final String param;
    public final String label;

    ListingSort(String param, String label) {
        this.param = param;
        this.label = label;
    }

    /** Unknown values are not an error: the listing falls back to its default order. */
    public static Optional<ListingSort> fromParam(String value) {
        return Arrays.stream(values()).filter(s -> s.param.equals(value)).findFirst();
    }

    public static ListingSort defaultFor(boolean search) {
        return search ? RELEVANCE : NEWEST;
    }

    /** The SQL ORDER BY for this sort; p is products, v the card's variant. Ties broken by id for stable pages. */
    String orderBy() {
        return switch (this) {
            case RELEVANCE -> "ts_rank(p.search_vector, websearch_to_tsquery('shop_search', :keywords)) desc, p.created_at desc, p.id desc";
            case NEWEST -> "p.created_at desc, p.id desc";
            case PRICE_ASC -> "v.price asc, lower(p.name), p.id";
            case PRICE_DESC -> "v.price desc, lower(p.name), p.id";
            case NAME -> "lower(p.name), p.id";
        };
    }
}
