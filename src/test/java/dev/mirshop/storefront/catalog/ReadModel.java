package dev.mirshop.storefront.catalog;

import jakarta.persistence.EntityManager;

/**
 * The listing read model against the catalog tables it is derived from: rows of product_listings that differ from
 * product_listing_source, listing entries that differ from the listings' taxons, facet counts that differ from a
 * direct count of the entries. All three are zero when the write path kept it current.
 */
final class ReadModel {

    private static final String LISTING = "product_id, slug, name, name_key, available_on, created_at, featured, price, "
            + "compare_at_price, currency, image_url, image_alt, in_stock, option_ids, option_pairs, taxon_ids, search_vector::text, name_vector::text";
    private static final String WANTED_ENTRIES = "select t, l.product_id, l.available_on, l.created_at, l.featured, l.price, "
            + "l.name_key, l.option_ids, l.option_pairs from product_listings l, unnest(l.taxon_ids || 0) t";
    private static final String ENTRIES = "select taxon_id, product_id, available_on, created_at, featured, price, name_key, "
            + "option_ids, option_pairs from listing_entries";
    private static final String COUNTED = "select taxon_id, v, count(*)::int from listing_entries, unnest(option_ids || 0) v group by 1, 2";
    private static final String STORED = "select taxon_id, option_value_id, products from listing_facet_counts where products <> 0";

    private ReadModel() {
    }

    /** Rows out of step with the catalog tables, in all three tables of the read model. */
    static long drift(EntityManager em) {
        String listings = "(select " + LISTING + " from product_listings except select " + LISTING + " from product_listing_source)"
                + " union all (select " + LISTING + " from product_listing_source except select " + LISTING + " from product_listings)";
        String entries = "(" + WANTED_ENTRIES + " except " + ENTRIES + ") union all (" + ENTRIES + " except " + WANTED_ENTRIES + ")";
        String counts = "(" + COUNTED + " except " + STORED + ") union all (" + STORED + " except " + COUNTED + ")";
        return count(em, "select (select count(*) from (" + listings + ") a) + (select count(*) from (" + entries
                + ") b) + (select count(*) from (" + counts + ") c)");
    }

    static long count(EntityManager em, String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
