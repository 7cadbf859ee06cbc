-- The catalog at real size (issue 12): a listing read model that the write path keeps current, so that every
-- listing, search and product page reads a number of rows bounded by its page, never by the catalog.
--
--   product_listings       one row per listable product (it has a variant): what its card shows (first variant's
--                          price, first image, in stock or not) and what listings filter and sort by.
--   listing_entries        one row per product and taxon it is listed under (its taxons and their ancestors, by
--                          permalink prefix) plus taxon 0 (every product, /products), narrow, with an index per sort.
--   listing_facet_counts   how many products each taxon lists, in all and per option value (size, color).
--   search_words           the words of product names and descriptions, for "Did you mean" (pg_trgm).
--   search_lexemes         each searchable lexeme's product count and price range, for sorted searches.
--
-- Triggers on the catalog tables keep the three current in the same transaction as the change: product, variant,
-- option, image and taxon edits refresh the product's rows (catalog_refresh_listings), and stock taken at checkout
-- only flips product_listings.in_stock when a variant sells out or comes back (at commit, see below). Time is
-- never decided here: availability (available_on) is stored, and every query compares it with the shop's clock.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- GIN over (taxon_id, option array): a listing filtered by size or colour finds its taxon's matching entries only
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- product_listings.search_vector serves search now; the products table keeps its column for that copy only.
DROP INDEX products_search_idx;

CREATE TABLE product_listings (
    product_id       bigint PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    slug             varchar(200) NOT NULL,
    name             varchar(200) NOT NULL,
    -- sort key of "Name": lower case, accents folded, compared byte by byte
    name_key         text COLLATE "C" NOT NULL,
    available_on     timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    featured         boolean NOT NULL,
    -- the card's price is the first variant's (by position): price filters and sorts use what the card shows
    price            numeric(12, 2) NOT NULL,
    compare_at_price numeric(12, 2),
    currency         varchar(3) NOT NULL,
    image_url        varchar(255),
    image_alt        varchar(255),
    in_stock         boolean NOT NULL,
    -- every option value of any variant, and per variant each pair of its option values (option_pair), so that
    -- "size M in blue" means one variant that is both
    option_ids       int[] NOT NULL,
    option_pairs     bigint[] NOT NULL,
    -- the product's taxons and their ancestors
    taxon_ids        int[] NOT NULL,
    -- full-text search: name and description (products.search_vector, names weighted A), and the name alone, so
    -- that "Best match" can list the products whose names match first, each tier in an index's order
    search_vector    tsvector NOT NULL,
    name_vector      tsvector NOT NULL
);
-- the search index is made by catalog_listing_indexes() below
CREATE INDEX product_listings_available_idx ON product_listings (available_on);

CREATE TABLE listing_entries (
    -- a taxon (no foreign key: 0 stands for every product), its products with the keys listings sort and filter by
    taxon_id     int NOT NULL,
    -- no foreign key: catalog_refresh_listings writes and removes these rows with the product's listing
    product_id   bigint NOT NULL,
    available_on timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    featured     boolean NOT NULL,
    price        numeric(12, 2) NOT NULL,
    name_key     text COLLATE "C" NOT NULL,
    option_ids   int[] NOT NULL,
    option_pairs bigint[] NOT NULL,
    -- product first: a product's entries are found (and cascaded) through it; taxons through the sort indexes
    PRIMARY KEY (product_id, taxon_id)
);

-- The indexes listings read by: one per sort of listing_entries ("Newest", "Price" both ways, read backwards for
-- high to low, and "Name"; related products prefer the taxon's featured ones) and full-text search. A function, so
-- that a rebuild of the whole read model can make them afresh after its bulk insert (a sorted build is far faster
-- than a million inserts); they exist whenever no rebuild is running.
CREATE FUNCTION catalog_listing_indexes() RETURNS void LANGUAGE plpgsql AS $$
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
    -- searches read product_listings itself (its texts are there), in the order of each sort for common words
    CREATE INDEX IF NOT EXISTS product_listings_newest_idx ON product_listings (created_at DESC, product_id DESC);
    CREATE INDEX IF NOT EXISTS product_listings_price_idx ON product_listings (price, name_key, product_id);
    CREATE INDEX IF NOT EXISTS product_listings_name_idx ON product_listings (name_key, product_id);
END $$;

CREATE TABLE listing_facet_counts (
    taxon_id        int NOT NULL,     -- 0: every product
    option_value_id int NOT NULL,     -- 0: the products themselves
    products        int NOT NULL,
    PRIMARY KEY (taxon_id, option_value_id)
);

CREATE TABLE search_words (
    word   varchar(50) PRIMARY KEY,
    -- what full-text search makes of the word (shop_search: stemmed): a query word with a known lexeme is no typo
    lexeme text NOT NULL
);
CREATE INDEX search_words_trgm_idx ON search_words USING gist (word gist_trgm_ops);
CREATE INDEX search_words_lexeme_idx ON search_words (lexeme);

-- How a search sorted by price, name or date reads its page (storefront.catalog.CatalogQueries): each lexeme of the
-- listings' texts, how many products had it at the last rebuild, and the price range of the products that have it.
-- A query whose rarest word is in few products gathers its matches from the full-text index and sorts them; one of
-- common words walks the sort index, but only across the price range its words can have (a word of one category,
-- "hoodie", would otherwise walk every cheaper product first). The counts only choose the way, so they stay as the
-- rebuild made them; the range decides what is found, so every refresh widens it for the products it writes.
CREATE TABLE search_lexemes (
    lexeme    text PRIMARY KEY,
    products  int NOT NULL,
    min_price numeric(12, 2) NOT NULL,
    max_price numeric(12, 2) NOT NULL
);

-- The key of "one variant has both option values a and b" (in option_pairs).
CREATE FUNCTION option_pair(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (least(a, b) << 31) | greatest(a, b)
$$;

-- The words of a text as search_words keeps them (lower case, accents folded, 3 to 50 letters, not only digits,
-- not a stop word), with their full-text lexeme.
CREATE FUNCTION catalog_words(body text) RETURNS TABLE (word varchar, lexeme text) LANGUAGE sql STABLE AS $$
    SELECT w::varchar, (tsvector_to_array(to_tsvector('shop_search', w)))[1]
    FROM (SELECT DISTINCT w FROM regexp_split_to_table(lower(unaccent(body)), '[^a-z0-9]+') AS w
          WHERE length(w) BETWEEN 3 AND 50 AND w !~ '^[0-9]+$') words
    WHERE (tsvector_to_array(to_tsvector('shop_search', w)))[1] IS NOT NULL
$$;

-- True while the demo catalog generator loads in bulk: it rebuilds the read model in one pass at the end.
CREATE FUNCTION catalog_bulk_load() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('mirshop.catalog_bulk_load', true), '') = 'on'
$$;

-- What product_listings holds for each listable product (one with a variant), from the catalog tables. A product
-- is listed under its taxons and their ancestors, by permalink prefix (categories/clothing/shirts is also under
-- categories/clothing and categories), as the pages have always read "in a taxon". Written as joins of per-product
-- aggregates: over the whole catalog (a rebuild) they are hash joins, and for one product (WHERE product_id = x)
-- PostgreSQL pushes the product into each aggregate, so it reads only that product's rows.
CREATE VIEW product_listing_source AS
SELECT p.id AS product_id, p.slug, p.name, lower(unaccent(p.name)) COLLATE "C" AS name_key, p.available_on,
       p.created_at, p.featured, card.price, card.compare_at_price, card.currency, img.url AS image_url,
       img.alt AS image_alt, stock.in_stock, coalesce(vals.option_ids, '{}') AS option_ids,
       coalesce(pairs.option_pairs, '{}') AS option_pairs, coalesce(tx.taxon_ids, '{}') AS taxon_ids,
       p.search_vector, to_tsvector('shop_search', p.name) AS name_vector
FROM products p
JOIN (SELECT DISTINCT ON (v.product_id) v.product_id, v.price, v.compare_at_price, v.currency
      FROM variants v ORDER BY v.product_id, v.position, v.id) card ON card.product_id = p.id
JOIN (SELECT v.product_id, bool_or(v.stock_on_hand > 0) AS in_stock FROM variants v GROUP BY v.product_id) stock
    ON stock.product_id = p.id
LEFT JOIN (SELECT DISTINCT ON (i.product_id) i.product_id, i.url, i.alt
           FROM product_images i ORDER BY i.product_id, i.position, i.id) img ON img.product_id = p.id
LEFT JOIN (SELECT v.product_id, array_agg(DISTINCT vov.option_value_id::int) AS option_ids
           FROM variants v JOIN variants_option_values vov ON vov.variant_id = v.id GROUP BY v.product_id) vals
    ON vals.product_id = p.id
LEFT JOIN (SELECT v.product_id, array_agg(DISTINCT option_pair(a.option_value_id, b.option_value_id)) AS option_pairs
           FROM variants v
           JOIN variants_option_values a ON a.variant_id = v.id
           JOIN variants_option_values b ON b.variant_id = v.id AND b.option_value_id > a.option_value_id
           GROUP BY v.product_id) pairs ON pairs.product_id = p.id
LEFT JOIN (SELECT pt.product_id, array_agg(DISTINCT up.ancestor_id) AS taxon_ids
           FROM products_taxons pt
           -- each taxon and those above it by permalink, worked out per taxon (a few hundred), not per product
           JOIN (SELECT t.id AS taxon_id, anc.id::int AS ancestor_id
                 FROM taxons t
                 CROSS JOIN LATERAL generate_series(1, array_length(string_to_array(t.permalink, '/'), 1)) AS depth
                 JOIN taxons anc ON anc.permalink = array_to_string((string_to_array(t.permalink, '/'))[1:depth], '/')
                ) up ON up.taxon_id = pt.taxon_id
           GROUP BY pt.product_id) tx ON tx.product_id = p.id;

-- Brings the read model of these products up to date with the catalog tables, set-based. Rows that did not
-- change are not written, so the facet counts only move for what did.
CREATE FUNCTION catalog_refresh_listings(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
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
    INSERT INTO search_lexemes AS s (lexeme, products, min_price, max_price)
    SELECT x.lexeme, count(*), min(l.price), max(l.price)
    FROM product_listings l CROSS JOIN LATERAL unnest(tsvector_to_array(l.search_vector)) AS x (lexeme)
    WHERE l.product_id = ANY (ids)
      AND NOT EXISTS (SELECT 1 FROM search_lexemes c
                      WHERE c.lexeme = x.lexeme AND c.min_price <= l.price AND c.max_price >= l.price)
    GROUP BY x.lexeme ORDER BY x.lexeme
    ON CONFLICT (lexeme) DO UPDATE SET min_price = least(s.min_price, EXCLUDED.min_price),
                                       max_price = greatest(s.max_price, EXCLUDED.max_price);
END $$;

-- Rebuilds the whole read model from the catalog tables in one pass, after a bulk load or as a repair: its indexes
-- are dropped and built again after the insert, so it locks the read model's tables until it commits.
CREATE FUNCTION catalog_rebuild_listings() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('mirshop.catalog_bulk_load', 'on', true);
    SET LOCAL maintenance_work_mem = '256MB';
    DROP INDEX IF EXISTS listing_entries_newest_idx, listing_entries_price_idx, listing_entries_name_idx,
        listing_entries_featured_idx, listing_entries_options_idx, listing_entries_pairs_idx,
        product_listings_search_idx, product_listings_name_search_idx, product_listings_newest_idx,
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

-- Collects the words of every product again (search_words only grows while the shop runs: a word of a removed
-- product may stay, and only ever costs a suggestion that is checked against the catalog before it is shown).
CREATE FUNCTION catalog_rebuild_search_words() RETURNS void LANGUAGE sql AS $$
    INSERT INTO search_words (word, lexeme)
    SELECT DISTINCT w.word, w.lexeme FROM products p CROSS JOIN LATERAL catalog_words(p.name || ' ' || p.description) AS w
    ON CONFLICT DO NOTHING
$$;

-- products: a changed name, slug, text, date or flag refreshes its listing; new words join search_words.
CREATE FUNCTION catalog_products_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF catalog_bulk_load() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        PERFORM catalog_refresh_listings(ARRAY(SELECT id FROM old_rows));
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        PERFORM catalog_refresh_listings(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.name, n.slug, n.description, n.available_on, n.created_at, n.featured)
                  IS DISTINCT FROM (o.name, o.slug, o.description, o.available_on, o.created_at, o.featured)));
    END IF;
    INSERT INTO search_words (word, lexeme)
    SELECT DISTINCT w.word, w.lexeme FROM new_rows n CROSS JOIN LATERAL catalog_words(n.name || ' ' || n.description) AS w
    ORDER BY w.word
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER products_listed_insert AFTER INSERT ON products
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_products_changed();
CREATE TRIGGER products_listed_update AFTER UPDATE ON products
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_products_changed();
CREATE TRIGGER products_listed_delete AFTER DELETE ON products
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_products_changed();

-- variants: a new, removed or repriced variant refreshes its product. Stock alone does not (see below).
CREATE FUNCTION catalog_variants_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM catalog_refresh_listings(ARRAY(SELECT DISTINCT product_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM catalog_refresh_listings(ARRAY(SELECT DISTINCT product_id FROM old_rows));
    ELSE
        PERFORM catalog_refresh_listings(ARRAY(
            SELECT DISTINCT unnest(ARRAY[o.product_id, n.product_id]) FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.product_id, n.price, n.compare_at_price, n.currency, n.position)
                  IS DISTINCT FROM (o.product_id, o.price, o.compare_at_price, o.currency, o.position)));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER variants_listed_insert AFTER INSERT ON variants
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_variants_changed();
CREATE TRIGGER variants_listed_update AFTER UPDATE ON variants
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_variants_changed();
CREATE TRIGGER variants_listed_delete AFTER DELETE ON variants
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_variants_changed();

-- Stock: checkout takes stock with one UPDATE per line; only a variant that sells out or comes back changes what
-- the card shows (in stock or not). Such products are noted while the transaction runs and their in_stock is
-- recomputed at commit, locking their listing rows in product order: every transaction takes those locks last
-- and in one order, so two checkouts can never deadlock on them, and the one committing second sees the first's
-- stock (no lost update when both sell out a different variant of one product).
CREATE FUNCTION catalog_stock_crossed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('mirshop.stock_crossed',
                       coalesce(current_setting('mirshop.stock_crossed', true), '') || NEW.product_id || ',', true);
    RETURN NULL;
END $$;
CREATE TRIGGER variants_stock_crossed AFTER UPDATE OF stock_on_hand ON variants FOR EACH ROW
    WHEN ((OLD.stock_on_hand > 0) IS DISTINCT FROM (NEW.stock_on_hand > 0)) EXECUTE FUNCTION catalog_stock_crossed();

CREATE FUNCTION catalog_stock_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    ids := ARRAY(SELECT DISTINCT x::bigint FROM unnest(string_to_array(current_setting('mirshop.stock_crossed', true), ',')) AS x
                 WHERE x <> '' ORDER BY 1);
    IF cardinality(ids) = 0 THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('mirshop.stock_crossed', '', true);
    PERFORM 1 FROM product_listings WHERE product_id = ANY (ids) ORDER BY product_id FOR UPDATE;
    UPDATE product_listings l
    SET in_stock = EXISTS (SELECT 1 FROM variants v WHERE v.product_id = l.product_id AND v.stock_on_hand > 0)
    WHERE l.product_id = ANY (ids);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER variants_stock_applied AFTER UPDATE OF stock_on_hand ON variants
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN ((OLD.stock_on_hand > 0) IS DISTINCT FROM (NEW.stock_on_hand > 0)) EXECUTE FUNCTION catalog_stock_apply();

-- option values of variants, images, taxon memberships: refresh the products concerned.
CREATE FUNCTION catalog_variant_options_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM catalog_refresh_listings(ARRAY(
            SELECT DISTINCT v.product_id FROM new_rows r JOIN variants v ON v.id = r.variant_id));
    ELSE
        PERFORM catalog_refresh_listings(ARRAY(
            SELECT DISTINCT v.product_id FROM old_rows r JOIN variants v ON v.id = r.variant_id));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER variant_options_listed_insert AFTER INSERT ON variants_option_values
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_variant_options_changed();
CREATE TRIGGER variant_options_listed_delete AFTER DELETE ON variants_option_values
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_variant_options_changed();

CREATE FUNCTION catalog_product_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM catalog_refresh_listings(ARRAY(SELECT DISTINCT product_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM catalog_refresh_listings(ARRAY(SELECT DISTINCT product_id FROM old_rows));
    ELSE
        PERFORM catalog_refresh_listings(ARRAY(SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER product_images_listed_insert AFTER INSERT ON product_images
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_product_rows_changed();
CREATE TRIGGER product_images_listed_update AFTER UPDATE ON product_images
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_product_rows_changed();
CREATE TRIGGER product_images_listed_delete AFTER DELETE ON product_images
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_product_rows_changed();
CREATE TRIGGER products_taxons_listed_insert AFTER INSERT ON products_taxons
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_product_rows_changed();
CREATE TRIGGER products_taxons_listed_update AFTER UPDATE ON products_taxons
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_product_rows_changed();
CREATE TRIGGER products_taxons_listed_delete AFTER DELETE ON products_taxons
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_product_rows_changed();

-- taxons: a taxon added, moved or removed changes the ancestors (by permalink prefix) of the products below it.
CREATE FUNCTION catalog_taxons_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM catalog_refresh_listings(ARRAY(
            SELECT DISTINCT pt.product_id FROM new_rows r
            JOIN taxons t ON t.permalink = r.permalink OR t.permalink LIKE r.permalink || '/%'
            JOIN products_taxons pt ON pt.taxon_id = t.id));
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM catalog_refresh_listings(ARRAY(
            SELECT DISTINCT pt.product_id FROM old_rows r
            JOIN taxons t ON t.permalink = r.permalink OR t.permalink LIKE r.permalink || '/%'
            JOIN products_taxons pt ON pt.taxon_id = t.id));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER taxons_listed_insert AFTER INSERT ON taxons
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_taxons_changed();
CREATE TRIGGER taxons_listed_update AFTER UPDATE ON taxons
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_taxons_changed();
CREATE TRIGGER taxons_listed_delete AFTER DELETE ON taxons
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_taxons_changed();

-- The catalog as it is now (the hand-made demo catalog, or whatever production holds).
SELECT catalog_rebuild_listings();
SELECT catalog_rebuild_search_words();
