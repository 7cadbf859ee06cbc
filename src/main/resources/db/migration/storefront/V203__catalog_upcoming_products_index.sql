-- A taxon's facets (storefront.catalog.CatalogQueries.facetsSql) are its precomputed counts less its products not
-- yet available by the shop's clock. Finding those read one wide product_listings row per upcoming product, about
-- a millisecond of every listing and search page at 100,000 products; an index that holds what the subtraction
-- needs answers it without the rows (an index-only scan). It replaces the plain index on available_on, and the
-- rebuild of the read model drops and builds it with the others.
DROP INDEX IF EXISTS product_listings_available_idx;

CREATE OR REPLACE FUNCTION catalog_listing_indexes() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    CREATE INDEX IF NOT EXISTS listing_entries_newest_idx ON listing_entries (taxon_id, created_at DESC, product_id DESC);
    CREATE INDEX IF NOT EXISTS listing_entries_price_idx ON listing_entries (taxon_id, price, name_key, product_id);
    CREATE INDEX IF NOT EXISTS listing_entries_name_idx ON listing_entries (taxon_id, name_key, product_id);
    CREATE INDEX IF NOT EXISTS listing_entries_featured_idx ON listing_entries (taxon_id, created_at DESC, product_id DESC)
        WHERE featured;
    -- filters: a selective size or colour (or size-in-colour pair) reads only the taxon's matching entries, where the
    -- sort index would walk most of the taxon to find a page of them; for common values the planner keeps the sort index
    CREATE INDEX IF NOT EXISTS listing_entries_options_idx ON listing_entries USING gin (taxon_id, option_ids);
    CREATE INDEX IF NOT EXISTS listing_entries_pairs_idx ON listing_entries USING gin (taxon_id, option_pairs);
    -- a search's words together with its filters and taxon in one index (GIN intersects them inside the index), so
    -- a common word narrowed by a rare size reads only the products that have both, not every product with the word
    CREATE INDEX IF NOT EXISTS product_listings_search_idx ON product_listings
        USING gin (search_vector, option_ids, option_pairs, taxon_ids);
    CREATE INDEX IF NOT EXISTS product_listings_name_search_idx ON product_listings
        USING gin (name_vector, option_ids, option_pairs, taxon_ids);
    -- the facets of a taxon subtract its products not yet available by the clock (a few): read from this index alone,
    -- not from as many wide product_listings rows
    CREATE INDEX IF NOT EXISTS product_listings_upcoming_idx ON product_listings (available_on) INCLUDE (option_ids, taxon_ids);
    -- searches read product_listings itself (its texts are there), in the order of each sort for common words
    CREATE INDEX IF NOT EXISTS product_listings_newest_idx ON product_listings (created_at DESC, product_id DESC);
    CREATE INDEX IF NOT EXISTS product_listings_price_idx ON product_listings (price, name_key, product_id);
    CREATE INDEX IF NOT EXISTS product_listings_name_idx ON product_listings (name_key, product_id);
END $$;

CREATE OR REPLACE FUNCTION catalog_rebuild_listings() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('mirshop.catalog_bulk_load', 'on', true);
    SET LOCAL maintenance_work_mem = '256MB';
    DROP INDEX IF EXISTS listing_entries_newest_idx, listing_entries_price_idx, listing_entries_name_idx,
        listing_entries_featured_idx, listing_entries_options_idx, listing_entries_pairs_idx,
        product_listings_search_idx, product_listings_name_search_idx, product_listings_upcoming_idx, product_listings_newest_idx,
        product_listings_price_idx, product_listings_name_idx;
    TRUNCATE listing_facet_counts, listing_entries, product_listings;
    INSERT INTO product_listings SELECT * FROM product_listing_source;
    INSERT INTO listing_entries (taxon_id, product_id, available_on, created_at, featured, price, name_key,
                                 option_ids, option_pairs)
    SELECT t.taxon_id, l.product_id, l.available_on, l.created_at, l.featured, l.price, l.name_key, l.option_ids,
           l.option_pairs
    FROM product_listings l CROSS JOIN LATERAL unnest(l.taxon_ids || 0) AS t (taxon_id);
    INSERT INTO listing_facet_counts (taxon_id, option_value_id, products)
    SELECT e.taxon_id, v.option_value_id, count(*)
    FROM listing_entries e CROSS JOIN LATERAL unnest(e.option_ids || 0) AS v (option_value_id)
    GROUP BY e.taxon_id, v.option_value_id;
    TRUNCATE search_lexemes;
    INSERT INTO search_lexemes (lexeme, products, min_price, max_price)
    SELECT x.lexeme, count(*), min(l.price), max(l.price)
    FROM product_listings l CROSS JOIN LATERAL unnest(tsvector_to_array(l.search_vector)) AS x (lexeme)
    GROUP BY x.lexeme;
    PERFORM catalog_listing_indexes();
    ANALYZE product_listings;
    ANALYZE listing_entries;
    ANALYZE listing_facet_counts;
    PERFORM set_config('mirshop.catalog_bulk_load', 'off', true);
END $$;

SELECT catalog_listing_indexes();
