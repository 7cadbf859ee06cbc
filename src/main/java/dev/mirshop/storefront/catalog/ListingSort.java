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

    /**
     * The SQL ORDER BY for this sort over a listing entry {@code e} (listing_entries, or a search's match with its
     * {@code tier}, 0 for name matches): each but relevance is the order of one index, so a page reads its own rows only. Ties are
     * broken by product id for stable pages; "high to low" is the price index read backwards.
     */
    String orderBy() {
        return orderBy("e.");
    }

    /** The same over columns named with this prefix ("" for the columns of a union's own rows). */
    String orderBy(String prefix) {
        return switch (this) {
            case RELEVANCE -> prefix + "tier, " + prefix + "created_at desc, " + prefix + "product_id desc";
            case NEWEST -> prefix + "created_at desc, " + prefix + "product_id desc";
            case PRICE_ASC -> prefix + "price, " + prefix + "name_key, " + prefix + "product_id";
            case PRICE_DESC -> prefix + "price desc, " + prefix + "name_key desc, " + prefix + "product_id desc";
            case NAME -> prefix + "name_key, " + prefix + "product_id";
        };
    }
}
