-- Two more bounds of the read model (issue 12), for what a page reads at 100,000 products:
--
-- * A taxon's facets (storefront.catalog.CatalogQueries.facetsSql) are its precomputed counts less its products
--   not yet available by the shop's clock. Finding those read one wide product_listings row per upcoming product;
--   an index that holds what the subtraction needs answers it without the rows (an index-only scan). It replaces
--   the plain index on available_on, and the rebuild of the read model drops and builds it with the others.
-- * A search sorted by name that walks the name index (a common word) walked it from "A" to its first match: the
--   products of an adjective that starts their names ("Rugged ...") sit together, after most of the catalog.
--   search_lexemes now keeps each lexeme's range of name keys too, as it keeps its price range, and the walk starts
--   at the first name its words can have. A refresh widens the range for the products it writes.
DROP INDEX IF EXISTS product_listings_available_idx;

ALTER TABLE search_lexemes ADD COLUMN first_name text COLLATE "C", ADD COLUMN last_name text COLLATE "C";
UPDATE search_lexemes s SET first_name = r.first_name, last_name = r.last_name
FROM (SELECT x.lexeme, min(l.name_key) AS first_name, max(l.name_key) AS last_name
      FROM product_listings l CROSS JOIN LATERAL unnest(tsvector_to_array(l.search_vector)) AS x (lexeme)
      GROUP BY x.lexeme) r
WHERE r.lexeme = s.lexeme;

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
    INSERT INTO search_lexemes (lexeme, products, min_price, max_price, first_name, last_name)
    SELECT x.lexeme, count(*), min(l.price), max(l.price), min(l.name_key), max(l.name_key)
    FROM product_listings l CROSS JOIN LATERAL unnest(tsvector_to_array(l.search_vector)) AS x (lexeme)
    GROUP BY x.lexeme;
    PERFORM catalog_listing_indexes();
    ANALYZE product_listings;
    ANALYZE listing_entries;
    ANALYZE listing_facet_counts;
    PERFORM set_config('mirshop.catalog_bulk_load', 'off', true);
END $$;

CREATE OR REPLACE FUNCTION catalog_refresh_listings(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    product bigint;
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 OR catalog_bulk_load() THEN
        RETURN;
    END IF;
    DELETE FROM product_listings l
    WHERE l.product_id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM variants v WHERE v.product_id = l.product_id);

    -- one product at a time: an equality lets each aggregate of the view read that product's rows only
    FOREACH product IN ARRAY ids LOOP
        INSERT INTO product_listings AS l (product_id, slug, name, name_key, available_on, created_at, featured, price,
                                           compare_at_price, currency, image_url, image_alt, in_stock, option_ids,
                                           option_pairs, taxon_ids, search_vector, name_vector)
        SELECT * FROM product_listing_source s WHERE s.product_id = product
        ON CONFLICT (product_id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name, name_key = EXCLUDED.name_key,
            available_on = EXCLUDED.available_on, created_at = EXCLUDED.created_at, featured = EXCLUDED.featured,
            price = EXCLUDED.price, compare_at_price = EXCLUDED.compare_at_price, currency = EXCLUDED.currency,
            image_url = EXCLUDED.image_url, image_alt = EXCLUDED.image_alt, in_stock = EXCLUDED.in_stock,
            option_ids = EXCLUDED.option_ids, option_pairs = EXCLUDED.option_pairs, taxon_ids = EXCLUDED.taxon_ids,
            search_vector = EXCLUDED.search_vector, name_vector = EXCLUDED.name_vector
        WHERE (l.slug, l.name, l.available_on, l.created_at, l.featured, l.price, l.compare_at_price, l.currency,
               l.image_url, l.image_alt, l.in_stock, l.option_ids, l.option_pairs, l.taxon_ids, l.search_vector)
              IS DISTINCT FROM
              (EXCLUDED.slug, EXCLUDED.name, EXCLUDED.available_on, EXCLUDED.created_at, EXCLUDED.featured,
               EXCLUDED.price, EXCLUDED.compare_at_price, EXCLUDED.currency, EXCLUDED.image_url, EXCLUDED.image_alt,
               EXCLUDED.in_stock, EXCLUDED.option_ids, EXCLUDED.option_pairs, EXCLUDED.taxon_ids, EXCLUDED.search_vector);
    END LOOP;

    -- every entry of these products goes, with its counts, and comes back as the listing is now; counters are
    -- written in key order, so concurrent edits cannot deadlock on them
    WITH gone AS (DELETE FROM listing_entries e WHERE e.product_id = ANY (ids) RETURNING e.taxon_id, e.option_ids)
    INSERT INTO listing_facet_counts AS c (taxon_id, option_value_id, products)
    SELECT g.taxon_id, v, -count(*) FROM gone g CROSS JOIN LATERAL unnest(g.option_ids || 0) AS v
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (taxon_id, option_value_id) DO UPDATE SET products = c.products + EXCLUDED.products;

    WITH added AS (
        INSERT INTO listing_entries (taxon_id, product_id, available_on, created_at, featured, price, name_key,
                                     option_ids, option_pairs)
        SELECT t.taxon_id, l.product_id, l.available_on, l.created_at, l.featured, l.price, l.name_key, l.option_ids,
               l.option_pairs
        FROM product_listings l CROSS JOIN LATERAL unnest(l.taxon_ids || 0) AS t (taxon_id)
        WHERE l.product_id = ANY (ids)
        RETURNING taxon_id, option_ids)
    INSERT INTO listing_facet_counts AS c (taxon_id, option_value_id, products)
    SELECT a.taxon_id, v, count(*) FROM added a CROSS JOIN LATERAL unnest(a.option_ids || 0) AS v
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (taxon_id, option_value_id) DO UPDATE SET products = c.products + EXCLUDED.products;

    -- only lexemes whose range does not cover these products yet are written (a stock change writes none), in key
    -- order, so concurrent checkouts neither wait on nor deadlock over the common words
    INSERT INTO search_lexemes AS s (lexeme, products, min_price, max_price, first_name, last_name)
    SELECT x.lexeme, count(*), min(l.price), max(l.price), min(l.name_key), max(l.name_key)
    FROM product_listings l CROSS JOIN LATERAL unnest(tsvector_to_array(l.search_vector)) AS x (lexeme)
    WHERE l.product_id = ANY (ids)
      AND NOT EXISTS (SELECT 1 FROM search_lexemes c
                      WHERE c.lexeme = x.lexeme AND c.min_price <= l.price AND c.max_price >= l.price
                        AND c.first_name <= l.name_key AND c.last_name >= l.name_key)
    GROUP BY x.lexeme ORDER BY x.lexeme
    ON CONFLICT (lexeme) DO UPDATE SET min_price = least(s.min_price, EXCLUDED.min_price),
                                       max_price = greatest(s.max_price, EXCLUDED.max_price),
                                       first_name = least(s.first_name, EXCLUDED.first_name),
                                       last_name = greatest(s.last_name, EXCLUDED.last_name);
END $$;

SELECT catalog_listing_indexes();
