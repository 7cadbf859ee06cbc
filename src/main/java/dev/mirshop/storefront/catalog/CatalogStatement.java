package dev.mirshop.storefront.catalog;

import java.util.Map;

/**
 * One SQL statement of the catalog's read side with its parameters: what {@link CatalogQueries} runs, built by one
 * method per kind, so the guardrail test (CatalogQueryPlansTest) can explain exactly what the pages issue.
 */
record CatalogStatement(Kind kind, String sql, Map<String, Object> params) {

    /**
     * Every kind of statement the catalog pages issue, and whether its best plan depends on its values (then
     * {@link CatalogSql} has it planned with them each time; the others keep a cached plan).
     */
    enum Kind {
        TAXON(false), LISTING_CARDS(true), LISTING_COUNT(true), FACET_COUNTS(false), UPCOMING(true),
        SEARCH_WORDS(false), SEARCH_VOCABULARY(false), SEARCH_SAMPLE(false), SEARCH_CARDS(true), SEARCH_COUNT(true),
        SUGGESTION(true), PRODUCT(false), RELATED(false), FEATURED(false), TAXONS(false), OPTION_VALUES(false),
        SITEMAP_SIZE(false), SITEMAP_TAXONS(false), SITEMAP_PRODUCTS(false);

        final boolean planWithValues;

        Kind(boolean planWithValues) {
            this.planWithValues = planWithValues;
        }
    }
}
