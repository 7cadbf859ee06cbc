package dev.mirshop.storefront.catalog;

import java.util.Map;

/**
 * One SQL statement of the catalog's read side with its parameters: what {@link CatalogQueries} runs, built by one
 * method per kind, so the guardrail test (CatalogQueryPlansTest) can explain exactly what the pages issue.
 */
record CatalogStatement(Kind kind, String sql, Map<String, Object> params) {

    /** Every kind of statement the catalog pages issue. */
    enum Kind {
        TAXON, LISTING_CARDS, LISTING_COUNT, FACETS, SEARCH_WORDS, SEARCH_CARDS, SEARCH_COUNT, SUGGESTION, PRODUCT, RELATED,
        FEATURED, MENU, OPTION_VALUES, SITEMAP_SIZE, SITEMAP_TAXONS, SITEMAP_PRODUCTS
    }
}
