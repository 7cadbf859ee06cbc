-- The demo catalog at real size: demo_generate_catalog(n) turns the demo data into a generated catalog of n
-- products (the hand-made ones included), set-based, in one transaction, deterministic (every value comes from a
-- hash of the product's number, so two runs of the same size give the same catalog) and idempotent: a catalog of
-- that size already loaded is left alone; another size replaces the generated part. The shop calls it at startup
-- when SHOP_DEMO_CATALOG_SIZE is set (storefront.catalog.DemoCatalogLoader); anyone can call it from psql.
--
-- What it makes, beside the hand-made catalog: three more top-level categories and 22 leaf categories, a
-- Collections taxonomy and 150 more brands; products of 3 to 12 variants (sizes and colours), each in 1 to 4
-- taxons (a category, a brand, sometimes a collection or a second category), with varied prices, some on sale,
-- stock from plenty to sold out, one image per colour, three properties and a description of several paragraphs;
-- dates in 2025 (a few "coming soon" in 2100), never relative to the day it runs; and at least 10,000 carts.
DO $demo$
BEGIN
IF '${demo_data}' <> 'true' THEN
    RETURN;
END IF;

CREATE TABLE IF NOT EXISTS demo_catalog_generation (
    id            int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    size          int NOT NULL,
    first_product bigint NOT NULL,
    last_product  bigint NOT NULL,
    products      int NOT NULL,
    variants      int NOT NULL,
    carts         int NOT NULL
);
-- how long it took is measured by the caller (DemoCatalogLoader), not with the database's clock
ALTER TABLE demo_catalog_generation DROP COLUMN IF EXISTS seconds;

-- A stable pseudo-random number in [0, m) for item n and a salt.
CREATE OR REPLACE FUNCTION demo_pick(n bigint, salt int, m int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
    SELECT (abs(hashint8(n * 1000003 + salt)::bigint) % m)::int
$f$;

-- replaced by the description templates made once per generation (demo_descriptions)
DROP FUNCTION IF EXISTS demo_sentence(text[], int, int, int, text[]);

CREATE OR REPLACE FUNCTION demo_generate_catalog(target int) RETURNS text LANGUAGE plpgsql AS $gen$
DECLARE
    handmade  int;
    wanted    int;
    first_id  bigint;
    last_id   bigint;
    variant_n int;
    cart_n    int;
    before    bigint;
    previous  demo_catalog_generation%ROWTYPE;
    replacing boolean;
    sentences text[];
    trusted   boolean;
    adjectives text[] := ARRAY['Classic', 'Relaxed', 'Slim', 'Everyday', 'Heavyweight', 'Lightweight', 'Vintage',
        'Organic', 'Washed', 'Brushed', 'Essential', 'Utility', 'Weekend', 'Travel', 'Heritage', 'Field', 'Trail',
        'Harbor', 'Coastal', 'Alpine', 'Urban', 'Studio', 'Workshop', 'Original', 'Premium', 'Soft', 'Rugged', 'Quilted',
        'Recycled', 'Garment-Dyed'];
BEGIN
    -- one generator at a time, even with several replicas starting together
    PERFORM pg_advisory_xact_lock(hashtext('mirshop.demo_generate_catalog'));
    SELECT * INTO previous FROM demo_catalog_generation;
    replacing := FOUND;
    IF replacing AND previous.size = target THEN
        RETURN format('demo catalog of %s products already loaded', target);
    END IF;
    PERFORM set_config('mirshop.catalog_bulk_load', 'on', true);
    -- Where the database user may (the embedded database's superuser), the bulk load skips triggers and per-row
    -- foreign key checks, as pg_restore --disable-triggers does: its rows are consistent by construction, and the
    -- read model is rebuilt in one pass at the end. Elsewhere it runs with them, only slower.
    -- statistics of the fresh rows come from small samples (autovacuum analyzes again after the commit)
    SET LOCAL default_statistics_target = 10;
    -- sorts and aggregates over a few hundred thousand rows stay in memory (the default 4 MB spills them to disk)
    SET LOCAL work_mem = '128MB';
    -- a one-off load: compiling its big statements (where the server has JIT) costs more than it saves
    SET LOCAL jit = off;
    trusted := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
    IF trusted THEN
        SET LOCAL session_replication_role = replica;
    END IF;

    IF replacing THEN
        -- a catalog of another size: its generated products and carts go first (bottom up, no cascades to walk)
        DELETE FROM cart_items WHERE cart_id IN (SELECT id FROM carts WHERE email LIKE '%@carts.demo.mirshop.test');
        DELETE FROM carts WHERE email LIKE '%@carts.demo.mirshop.test';
        DELETE FROM cart_items WHERE variant_id IN (SELECT id FROM variants
                                                    WHERE product_id BETWEEN previous.first_product AND previous.last_product);
        DELETE FROM listing_entries WHERE product_id BETWEEN previous.first_product AND previous.last_product;
        DELETE FROM product_listings WHERE product_id BETWEEN previous.first_product AND previous.last_product;
        DELETE FROM product_images WHERE product_id BETWEEN previous.first_product AND previous.last_product;
        DELETE FROM product_properties WHERE product_id BETWEEN previous.first_product AND previous.last_product;
        DELETE FROM variants_option_values WHERE variant_id IN (SELECT id FROM variants
                                                    WHERE product_id BETWEEN previous.first_product AND previous.last_product);
        DELETE FROM variants WHERE product_id BETWEEN previous.first_product AND previous.last_product;
        DELETE FROM products_taxons WHERE product_id BETWEEN previous.first_product AND previous.last_product;
        DELETE FROM products WHERE id BETWEEN previous.first_product AND previous.last_product;
        DELETE FROM demo_catalog_generation;
    END IF;

    -- taxonomies, categories, collections, brands ------------------------------------------------------------
    INSERT INTO taxonomies (name, position) VALUES ('Categories', 1), ('Brands', 2), ('Collections', 3)
    ON CONFLICT (name) DO NOTHING;
    INSERT INTO taxons (taxonomy_id, parent_id, name, permalink, description, icon, position)
    SELECT tx.id, NULL, v.name, v.permalink, v.description, NULL, 0
    FROM (VALUES ('Categories', 'categories', 'Everything we sell, by kind.', 'Categories'),
                 ('Brands', 'brands', 'The makers we work with.', 'Brands'),
                 ('Collections', 'collections', 'Edits of the catalog: new in, gifts, organic, built to last.', 'Collections')
         ) AS v(name, permalink, description, taxonomy)
    JOIN taxonomies tx ON tx.name = v.taxonomy
    ON CONFLICT (permalink) DO NOTHING;

    CREATE TEMP TABLE demo_categories (
        leaf text, parent text, name text, description text, icon text, nouns text[], materials text[],
        images text[], min_price int, max_price int, sizes text[], position int
    ) ON COMMIT DROP;
    INSERT INTO demo_categories VALUES
    ('categories/clothing/shirts', 'categories/clothing', 'Shirts', 'Oxford, flannel, linen and denim shirts.', 'shirts',
     '{Shirt,Overshirt,Button-Down Shirt,Work Shirt}', '{Oxford,Flannel,Linen,Chambray,Poplin,Denim,Corduroy,Seersucker}',
     '{oxford-button-down-shirt-blue,oxford-button-down-shirt-white,flannel-check-shirt-green,flannel-check-shirt-red,linen-camp-collar-shirt,chambray-work-shirt,poplin-dress-shirt-navy,poplin-dress-shirt-white,denim-western-shirt}',
     39, 129, '{xs,s,m,l,xl,xxl}', 1),
    ('categories/clothing/t-shirts', 'categories/clothing', 'T-Shirts', 'Everyday tees, henleys and stripes.', 't-shirts',
     '{Tee,T-Shirt,Henley,Polo,Pocket Tee,Long Sleeve Tee}', '{Cotton,Organic Cotton,Jersey,Slub Cotton,Pima Cotton,Bamboo,Waffle Knit}',
     '{essential-crew-tee-black,essential-crew-tee-grey,essential-crew-tee-white,organic-pocket-tee-green,organic-pocket-tee-navy,cafe-racer-graphic-tee,striped-breton-tee,vintage-wash-tee,long-sleeve-henley-grey,long-sleeve-henley-olive}',
     19, 59, '{xs,s,m,l,xl,xxl}', 2),
    ('categories/clothing/sweaters', 'categories/clothing', 'Sweaters', 'Merino, lambswool and cashmere knits.', 'clothing',
     '{Sweater,Cardigan,Crewneck,Turtleneck,Quarter-Zip}', '{Merino,Lambswool,Cashmere,Cotton Knit,Alpaca,Shetland Wool}',
     '{merino-crewneck-sweater-grey,merino-crewneck-sweater-navy}', 59, 249, '{xs,s,m,l,xl,xxl}', 3),
    ('categories/clothing/hoodies', 'categories/clothing', 'Hoodies', 'Hoodies and sweatshirts for cold mornings.', 'clothing',
     '{Hoodie,Sweatshirt,Zip Hoodie,Crew Sweatshirt}', '{Fleece,French Terry,Loopback Cotton,Brushed Cotton,Recycled Fleece}',
     '{heavyweight-hoodie}', 45, 129, '{xs,s,m,l,xl,xxl}', 4),
    ('categories/clothing/trousers', 'categories/clothing', 'Trousers', 'Chinos, jeans and work pants.', 'clothing',
     '{Chinos,Trousers,Joggers,Jeans,Cargo Pants,Work Pants}', '{Twill,Denim,Corduroy,Ripstop,Stretch Cotton,Canvas}',
     '{}', 39, 149, '{xs,s,m,l,xl,xxl}', 5),
    ('categories/clothing/jackets', 'categories/clothing', 'Jackets', 'Parkas, coats and jackets for every season.', 'clothing',
     '{Jacket,Parka,Coat,Vest,Anorak,Overcoat}', '{Waxed Cotton,Down,Wool,Nylon,Quilted,Softshell}',
     '{winter-parka}', 89, 399, '{xs,s,m,l,xl,xxl}', 6),
    ('categories/bags/backpacks', 'categories/bags', 'Backpacks', 'Backpacks and daypacks.', 'bags',
     '{Backpack,Rucksack,Daypack,Roll-Top Pack}', '{Waxed Canvas,Nylon,Leather,Recycled Polyester,Cordura}',
     '{waxed-canvas-backpack-brown,waxed-canvas-backpack-olive}', 49, 249, NULL, 1),
    ('categories/bags/totes', 'categories/bags', 'Totes', 'Totes and shoppers.', 'bags',
     '{Tote,Market Tote,Shopper,Beach Bag}', '{Canvas,Jute,Leather,Recycled Cotton,Organic Cotton}',
     '{canvas-market-tote-natural,canvas-market-tote-navy,canvas-market-tote-olive,ruby-on-rails-tote}', 15, 89, NULL, 2),
    ('categories/bags/messenger-bags', 'categories/bags', 'Messenger Bags', 'Messenger, sling and crossbody bags.', 'bags',
     '{Messenger Bag,Sling Bag,Crossbody Bag,Shoulder Bag}', '{Nylon,Waxed Canvas,Leather,Ripstop}',
     '{roll-top-messenger-bag,everyday-sling-bag-black,everyday-sling-bag-tan}', 35, 179, NULL, 3),
    ('categories/bags/travel-bags', 'categories/bags', 'Travel Bags', 'Weekenders, duffels and holdalls.', 'bags',
     '{Weekender,Duffel,Holdall,Garment Bag}', '{Leather,Waxed Canvas,Nylon,Canvas}',
     '{leather-weekender-bag}', 79, 349, NULL, 4),
    ('categories/bags/pouches', 'categories/bags', 'Pouches', 'Pouches, wash bags and pencil cases.', 'bags',
     '{Pouch,Pouch Set,Wash Bag,Pencil Case}', '{Canvas,Nylon,Leather,Cork}',
     '{zip-pouch-set}', 12, 49, NULL, 5),
    ('categories/mugs/coffee-mugs', 'categories/mugs', 'Coffee Mugs', 'Stoneware, porcelain and enamel mugs.', 'mugs',
     '{Mug,Coffee Mug,Diner Mug,Bowl Mug}', '{Stoneware,Porcelain,Enamel,Ceramic}',
     '{stoneware-coffee-mug-blue,stoneware-coffee-mug-green,stoneware-coffee-mug-white,classic-diner-mug,cafe-au-lait-bowl-mug,enamel-camp-mug-red,enamel-camp-mug-white}',
     12, 39, NULL, 1),
    ('categories/mugs/travel-mugs', 'categories/mugs', 'Travel Mugs', 'Tumblers, flasks and bottles.', 'mugs',
     '{Tumbler,Travel Mug,Flask,Bottle}', '{Steel,Insulated Steel,Bamboo,Glass}',
     '{insulated-travel-tumbler-black,insulated-travel-tumbler-green,double-wall-glass-mug}', 18, 59, NULL, 2),
    ('categories/mugs/cups', 'categories/mugs', 'Cups', 'Espresso cups, tea cups and saucers.', 'mugs',
     '{Espresso Cup Set,Cup and Saucer,Tea Cup,Tumbler Set}', '{Porcelain,Stoneware,Glass,Speckled Stoneware}',
     '{speckled-espresso-cup-set}', 14, 59, NULL, 3),
    ('categories/accessories/hats', 'categories/accessories', 'Hats', 'Beanies, caps and bucket hats.', 'clothing',
     '{Beanie,Cap,Bucket Hat,Flat Cap}', '{Merino,Cotton Twill,Wool,Waxed Cotton}', '{}', 15, 59, NULL, 1),
    ('categories/accessories/scarves', 'categories/accessories', 'Scarves', 'Scarves, snoods and bandanas.', 'clothing',
     '{Scarf,Snood,Bandana}', '{Wool,Cashmere,Cotton,Linen}', '{}', 19, 129, NULL, 2),
    ('categories/accessories/socks', 'categories/accessories', 'Socks', 'Everyday, hiking and wool socks.', 'clothing',
     '{Socks,Socks Three-Pack,Hiking Socks}', '{Merino,Cotton,Bamboo,Wool}', '{}', 9, 29, '{s,m,l,xl}', 3),
    ('categories/accessories/belts-and-wallets', 'categories/accessories', 'Belts and Wallets', 'Belts, wallets and card holders.', 'bags',
     '{Belt,Wallet,Card Holder,Key Ring}', '{Leather,Canvas,Cork,Suede}', '{}', 15, 99, NULL, 4),
    ('categories/home/blankets', 'categories/home', 'Blankets', 'Blankets and throws.', 'bags',
     '{Blanket,Throw,Picnic Blanket}', '{Wool,Cotton,Merino,Alpaca}', '{}', 49, 199, NULL, 1),
    ('categories/home/kitchen-textiles', 'categories/home', 'Kitchen Textiles', 'Aprons, tea towels and napkins.', 'mugs',
     '{Apron,Tea Towel Set,Oven Mitt,Napkin Set}', '{Linen,Cotton,Canvas,Denim}', '{}', 12, 59, NULL, 2),
    ('categories/footwear/sneakers', 'categories/footwear', 'Sneakers', 'Canvas and leather sneakers.', 'clothing',
     '{Sneaker,Runner,Slip-On}', '{Canvas,Leather,Suede,Knit}', '{}', 59, 159, '{39,40,41,42,43,44,45,46}', 1),
    ('categories/footwear/boots', 'categories/footwear', 'Boots', 'Chelsea, work and hiking boots.', 'clothing',
     '{Boot,Chelsea Boot,Hiking Boot}', '{Leather,Suede,Waxed Leather}', '{}', 119, 299, '{39,40,41,42,43,44,45,46}', 2);

    INSERT INTO taxons (taxonomy_id, parent_id, name, permalink, description, icon, position)
    SELECT root.taxonomy_id, root.id, v.name, v.permalink, v.description, '/images/products/icons/' || v.icon || '.svg', v.position
    FROM (VALUES ('Clothing', 'categories/clothing', 'Shirts, tees and knitwear in natural fibres.', 'clothing', 1),
                 ('Bags', 'categories/bags', 'Totes, backpacks and weekenders that carry for years.', 'bags', 2),
                 ('Mugs', 'categories/mugs', 'Stoneware, enamel and glass for the morning coffee.', 'mugs', 3),
                 ('Accessories', 'categories/accessories', 'Hats, scarves, socks and small leather goods.', 'clothing', 4),
                 ('Home', 'categories/home', 'Blankets and kitchen textiles.', 'bags', 5),
                 ('Footwear', 'categories/footwear', 'Sneakers and boots.', 'clothing', 6)
         ) AS v(name, permalink, description, icon, position)
    JOIN taxons root ON root.permalink = 'categories'
    ON CONFLICT (permalink) DO NOTHING;
    INSERT INTO taxons (taxonomy_id, parent_id, name, permalink, description, icon, position)
    SELECT parent.taxonomy_id, parent.id, c.name, c.leaf, c.description, '/images/products/icons/' || c.icon || '.svg', c.position
    FROM demo_categories c JOIN taxons parent ON parent.permalink = c.parent
    ON CONFLICT (permalink) DO NOTHING;
    INSERT INTO taxons (taxonomy_id, parent_id, name, permalink, description, position)
    SELECT root.taxonomy_id, root.id, v.name, 'collections/' || v.slug, v.description, v.position
    FROM (VALUES ('New Arrivals', 'new-arrivals', 'Just in.', 1), ('Gift Ideas', 'gift-ideas', 'Presents that get used.', 2),
                 ('Organic', 'organic', 'Organic and recycled fibres.', 3), ('Made to Last', 'made-to-last', 'Repairable, guaranteed.', 4),
                 ('Sale', 'sale', 'Reduced, while stock lasts.', 5)) AS v(name, slug, description, position)
    JOIN taxons root ON root.permalink = 'collections'
    ON CONFLICT (permalink) DO NOTHING;
    INSERT INTO taxons (taxonomy_id, parent_id, name, permalink, position)
    SELECT root.taxonomy_id, root.id, b.name, 'brands/' || b.slug, 10 + b.n
    FROM (SELECT row_number() OVER () AS n, f.w || ' ' || s.w AS name,
                 lower(replace(replace(f.w || '-' || s.w, '&', 'and'), ' ', '-')) AS slug
          FROM unnest('{North,Harbor,Atlas,Copper,Pine,Field,Stone,River,Oak,Iron,Cedar,Wild,Summit,Coast,Meadow}'::text[]) AS f(w)
          CROSS JOIN unnest('{Supply,Works,Goods,Outfitters,Mill,Studio,Trading,Makers,Workshop,Company}'::text[]) AS s(w)) b
    JOIN taxons root ON root.permalink = 'brands'
    ON CONFLICT (permalink) DO NOTHING;

    INSERT INTO option_types (name, presentation, position) VALUES ('size', 'Size', 1), ('color', 'Color', 2)
    ON CONFLICT (name) DO NOTHING;
    INSERT INTO option_values (option_type_id, name, presentation, position)
    SELECT ot.id, v.name, v.presentation, v.position
    FROM (VALUES ('size', 'xs', 'XS', 1), ('size', 's', 'S', 2), ('size', 'm', 'M', 3), ('size', 'l', 'L', 4),
                 ('size', 'xl', 'XL', 5), ('size', 'xxl', 'XXL', 6),
                 ('size', '39', 'EU 39', 20), ('size', '40', 'EU 40', 21), ('size', '41', 'EU 41', 22), ('size', '42', 'EU 42', 23),
                 ('size', '43', 'EU 43', 24), ('size', '44', 'EU 44', 25), ('size', '45', 'EU 45', 26), ('size', '46', 'EU 46', 27),
                 ('color', 'burgundy', 'Burgundy', 15), ('color', 'charcoal', 'Charcoal', 16), ('color', 'cream', 'Cream', 17),
                 ('color', 'pink', 'Dusty pink', 18)) AS v(type, name, presentation, position)
    JOIN option_types ot ON ot.name = v.type
    ON CONFLICT (option_type_id, name) DO NOTHING;

    -- products ---------------------------------------------------------------------------------------------
    SELECT count(*) INTO handmade FROM products;
    wanted := greatest(target - handmade, 0);

    CREATE TEMP TABLE demo_plan ON COMMIT DROP AS
    WITH cats AS (SELECT row_number() OVER (ORDER BY c.leaf) - 1 AS k, c.*, t.id AS taxon_id FROM demo_categories c
                  JOIN taxons t ON t.permalink = c.leaf),
         brands AS (SELECT row_number() OVER (ORDER BY t.id) - 1 AS k, t.id, t.name FROM taxons t
                    WHERE t.permalink LIKE 'brands/%'),
         colors AS (SELECT array_agg(ov.name ORDER BY ov.position, ov.id) AS names,
                           array_agg(ov.presentation ORDER BY ov.position, ov.id) AS labels
                    FROM option_values ov JOIN option_types ot ON ot.id = ov.option_type_id WHERE ot.name = 'color')
    SELECT g, c.k AS cat, c.taxon_id, c.sizes, c.images, c.leaf, c.icon,
           b.id AS brand_id, b.name AS brand,
           adj.w AS adjective, c.materials[1 + demo_pick(g, 3, cardinality(c.materials))] AS material,
           c.nouns[1 + demo_pick(g, 4, cardinality(c.nouns))] AS noun,
           -- sized: 3 to 5 sizes × 1 to 3 colours; otherwise 3 to 6 colours: 3 to 12 variants
           CASE WHEN c.sizes IS NULL THEN 1
                ELSE least(cardinality(c.sizes), (ARRAY[3, 4, 5, 3, 4, 5, 3, 4])[1 + width_bucket(demo_pick(g, 5, 100), ARRAY[55, 70, 78, 90, 95, 97, 99])]) END AS n_sizes,
           CASE WHEN c.sizes IS NULL THEN (ARRAY[3, 4, 5, 6])[1 + width_bucket(demo_pick(g, 5, 100), ARRAY[60, 85, 95])]
                ELSE (ARRAY[1, 1, 1, 2, 2, 2, 3, 3])[1 + width_bucket(demo_pick(g, 5, 100), ARRAY[55, 70, 78, 90, 95, 97, 99])] END AS n_colors,
           demo_pick(g, 6, 64) AS size_start, demo_pick(g, 7, cardinality(col.names)) AS color_start,
           col.names AS color_names, col.labels AS color_labels,
           -- prices end in .00, .50 or .99; about one product in eight is on sale
           (c.min_price + demo_pick(g, 8, c.max_price - c.min_price + 1) + (ARRAY[0, 0.50, 0.99])[1 + demo_pick(g, 9, 3)])::numeric(12, 2) AS price,
           demo_pick(g, 10, 100) < 12 AS on_sale,
           demo_pick(g, 11, 100) < 3 AS sold_out,
           g % 250 = 0 AS featured,
           timestamptz '2025-01-01 00:00:00+00' + make_interval(secs => (g::float8 / greatest(wanted, 1)) * 364 * 86400 + demo_pick(g, 12, 86400)) AS created_at,
           g % 997 = 0 AS coming_soon
    FROM generate_series(1, wanted) AS g
    JOIN cats c ON c.k = demo_pick(g, 1, (SELECT count(*)::int FROM demo_categories))
    JOIN brands b ON b.k = demo_pick(g, 2, (SELECT count(*)::int FROM brands))
    CROSS JOIN colors col
    CROSS JOIN LATERAL (SELECT adjectives[1 + demo_pick(g, 13, cardinality(adjectives))] AS w) adj;
    ANALYZE demo_plan;

    CREATE TEMP TABLE demo_sentences (k int, body text) ON COMMIT DROP;
    -- %1$s the product's name, %2$s its noun, %3$s its material, %4$s its adjective, %5$s its brand
    INSERT INTO demo_sentences VALUES
        (0, 'The %1$s is made of %3$s and finished by hand in small batches.'),
        (1, 'A %4$s %2$s that works as well on a busy weekday as it does on a slow Sunday.'),
        (2, 'We chose %3$s for its weight and its feel: it ages well and keeps its shape.'),
        (3, 'Reinforced where it matters, with a clean finish and the small details you only notice after a year of use.'),
        (4, 'Designed with %5$s to last for years rather than a season.'),
        (5, 'Made in a family-run workshop that pays fair wages and keeps its offcuts out of landfill.'),
        (6, 'Light enough to pack, tough enough for every day, and good-looking enough for both.'),
        (7, 'Every %2$s is inspected twice before it leaves the workshop, and again before we ship it.'),
        (8, 'The %3$s comes from a mill that has been working the same way since 1921.'),
        (9, 'Thoughtful proportions: nothing too tight, nothing too loose, nothing you have to think about.'),
        (10, 'Our best-selling %2$s for three years running, now in new colours.'),
        (11, 'Free repairs for the first two years, because the best %2$s is the one you keep.'),
        (12, 'Packed in recycled paper, without plastic, and shipped within two working days.'),
        (13, 'Pairs well with the rest of the range, and with whatever you already own.'),
        (14, 'It arrives ready to use and only gets better with age, like all good %3$s.'),
        (15, 'Customers tell us it is the %2$s they reach for first.');
    sentences := ARRAY(SELECT body FROM demo_sentences ORDER BY k);
    -- every description's template, one per (first sentence, stride, last sentence): four to six of the sixteen
    -- sentences (an odd stride never repeats one) in three paragraphs, filled by one format() per product
    CREATE TEMP TABLE demo_descriptions ON COMMIT DROP AS
    SELECT f.first, st.stride, la.last,
           sentences[1 + f.first % 16] || ' ' || sentences[1 + (f.first + st.stride) % 16]
           || E'\n\n' || sentences[1 + (f.first + 2 * st.stride) % 16]
           || CASE WHEN la.last >= 4 THEN ' ' || sentences[1 + (f.first + 4 * st.stride) % 16] ELSE '' END
           || E'\n\n' || sentences[1 + (f.first + 3 * st.stride) % 16]
           || CASE WHEN la.last >= 5 THEN ' ' || sentences[1 + (f.first + 5 * st.stride) % 16] ELSE '' END AS body
    FROM generate_series(0, 15) AS f(first), unnest(ARRAY[1, 3, 5, 7]) AS st(stride), generate_series(3, 5) AS la(last);

    SELECT coalesce(max(id), 0) INTO before FROM products;
    INSERT INTO products (name, slug, description, meta_title, meta_description, featured, available_on, created_at)
    SELECT d.name, d.slug, d.description, d.name || ' | MIR Shop', split_part(d.description, '. ', 1) || '.',
           p.featured, CASE WHEN p.coming_soon THEN timestamptz '2100-01-01 00:00:00+00' ELSE p.created_at END, p.created_at
    FROM demo_plan p
    CROSS JOIN LATERAL (SELECT p.adjective || ' ' || p.material || ' ' || p.noun AS name) nm
    CROSS JOIN LATERAL (SELECT ARRAY[nm.name, lower(p.noun), lower(p.material), lower(p.adjective), p.brand] AS args,
                               demo_pick(p.g, 15, 16) AS first, 1 + 2 * demo_pick(p.g, 16, 4) AS stride,
                               3 + demo_pick(p.g, 14, 3) AS last) t
    JOIN demo_descriptions tp ON tp.first = t.first AND tp.stride = t.stride AND tp.last = t.last
    CROSS JOIN LATERAL (
        SELECT nm.name,
               regexp_replace(lower(nm.name), '[^a-z0-9]+', '-', 'g') || '-' || p.g AS slug,
               format(tp.body, VARIADIC t.args)
               || ' Available in ' || lower(array_to_string((p.color_labels || p.color_labels)[p.color_start + 1 : p.color_start + p.n_colors], ', '))
               || '.' AS description
    ) d
    ORDER BY p.g;
    GET DIAGNOSTICS wanted = ROW_COUNT;

    SELECT min(id), max(id) INTO first_id, last_id FROM products WHERE id > before;
    -- plan rows and products meet by their number (the slug ends with it)
    CREATE TEMP TABLE demo_products ON COMMIT DROP AS
    SELECT p.*, pr.id AS product_id, pr.name FROM products pr
    JOIN demo_plan p ON p.g = substring(pr.slug FROM '([0-9]+)$')::int
    WHERE pr.id BETWEEN first_id AND last_id;
    -- statistics for what follows: the planner must see the rows this transaction just wrote, or it plans the joins
    -- below as if the tables were empty
    ANALYZE demo_products;
    ANALYZE products;

    INSERT INTO products_taxons (product_id, taxon_id)
    SELECT product_id, taxon_id FROM demo_products
    UNION ALL SELECT product_id, brand_id FROM demo_products
    UNION ALL SELECT dp.product_id, t.id FROM demo_products dp
        JOIN taxons t ON t.permalink = 'collections/' || (ARRAY['new-arrivals', 'gift-ideas', 'organic', 'made-to-last', 'sale'])[1 + demo_pick(dp.g, 17, 5)]
        WHERE demo_pick(dp.g, 18, 100) < 40
    UNION ALL SELECT dp.product_id, second.id FROM demo_products dp
        JOIN (SELECT row_number() OVER (ORDER BY c.leaf) - 1 AS k, t.id FROM demo_categories c
              JOIN taxons t ON t.permalink = c.leaf) second ON second.k = demo_pick(dp.g, 19, 22)
        WHERE demo_pick(dp.g, 20, 100) < 15 AND second.id <> dp.taxon_id
    ON CONFLICT DO NOTHING;

    -- variants: sizes (a run of the category's sizes) × colours (a run of the colour list)
    INSERT INTO variants (product_id, sku, price, compare_at_price, stock_on_hand, position)
    SELECT dp.product_id, 'G' || dp.g || '-' || v.i, dp.price,
           CASE WHEN dp.on_sale THEN round(dp.price * 1.25) END,
           CASE WHEN dp.sold_out OR demo_pick(dp.g * 16 + v.i, 21, 100) < 7 THEN 0
                WHEN demo_pick(dp.g * 16 + v.i, 21, 100) < 17 THEN 1 + demo_pick(dp.g * 16 + v.i, 22, 3)
                ELSE 4 + demo_pick(dp.g * 16 + v.i, 22, 57) END,
           v.i
    FROM demo_products dp CROSS JOIN LATERAL generate_series(0, dp.n_sizes * dp.n_colors - 1) AS v(i);
    GET DIAGNOSTICS variant_n = ROW_COUNT;

    ANALYZE variants;
    INSERT INTO variants_option_values (variant_id, option_value_id)
    SELECT va.id, ov.id
    FROM demo_products dp
    JOIN variants va ON va.product_id = dp.product_id
    CROSS JOIN LATERAL (VALUES
        ('size', CASE WHEN dp.sizes IS NOT NULL
                      THEN dp.sizes[1 + (dp.size_start % (cardinality(dp.sizes) - dp.n_sizes + 1)) + va.position % dp.n_sizes] END),
        ('color', dp.color_names[1 + (dp.color_start + va.position / dp.n_sizes) % cardinality(dp.color_names)])) AS o(type, value)
    JOIN option_types ot ON ot.name = o.type
    JOIN option_values ov ON ov.option_type_id = ot.id AND ov.name = o.value;

    -- one image per colour, shown for the first variant of that colour
    INSERT INTO product_images (product_id, variant_id, url, alt, position)
    SELECT dp.product_id, va.id,
           CASE WHEN cardinality(dp.images) = 0 THEN '/images/products/icons/' || dp.icon || '.svg'
                ELSE '/images/products/' || dp.images[1 + (dp.g + va.position / dp.n_sizes) % cardinality(dp.images)] || '.svg' END,
           dp.name || ' in ' || lower(dp.color_labels[1 + (dp.color_start + va.position / dp.n_sizes) % cardinality(dp.color_labels)]),
           va.position / dp.n_sizes
    FROM demo_products dp JOIN variants va ON va.product_id = dp.product_id AND va.position % dp.n_sizes = 0;

    INSERT INTO product_properties (product_id, name, value, position)
    SELECT dp.product_id, pr.name, pr.value, pr.position
    FROM demo_products dp CROSS JOIN LATERAL (VALUES
        ('Material', dp.material || (ARRAY[', 100%', ', responsibly sourced', ', recycled blend', ''])[1 + demo_pick(dp.g, 23, 4)], 1),
        (CASE WHEN dp.sizes IS NULL THEN 'Dimensions' ELSE 'Fit' END,
         CASE WHEN dp.sizes IS NULL THEN (20 + demo_pick(dp.g, 24, 30)) || ' × ' || (15 + demo_pick(dp.g, 25, 30)) || ' cm'
              ELSE (ARRAY['Regular', 'Relaxed', 'Slim', 'Boxy'])[1 + demo_pick(dp.g, 24, 4)] END, 2),
        ('Care', (ARRAY['Machine wash cold', 'Machine wash warm', 'Hand wash', 'Wipe clean', 'Dishwasher safe'])[1 + demo_pick(dp.g, 26, 5)], 3)
    ) AS pr(name, value, position);

    -- carts: at least 10,000 guest carts of 1 to 3 lines, as shoppers leave them
    cart_n := greatest(10000, target / 10);
    INSERT INTO carts (token, email, created_at, updated_at)
    SELECT rtrim(translate(encode(sha256((gen_random_uuid()::text || c)::bytea), 'base64'), '+/', '-_'), '='),
           'shopper-' || c || '@carts.demo.mirshop.test',
           timestamptz '2025-01-01 00:00:00+00' + make_interval(secs => demo_pick(c, 30, 364 * 86400)),
           timestamptz '2025-01-01 00:00:00+00' + make_interval(secs => demo_pick(c, 30, 364 * 86400) + demo_pick(c, 31, 3600))
    FROM generate_series(1, cart_n) AS c;
    INSERT INTO cart_items (cart_id, variant_id, quantity, added_at)
    SELECT ca.id, va.id, 1 + demo_pick(ca.id * 4 + l, 33, 3), ca.created_at
    FROM carts ca
    CROSS JOIN LATERAL generate_series(0, demo_pick(ca.id, 32, 3)) AS l
    JOIN variants va ON va.sku = 'G' || (1 + demo_pick(ca.id * 4 + l, 34, greatest(wanted, 1))) || '-0'
    WHERE ca.email LIKE '%@carts.demo.mirshop.test'
    ON CONFLICT DO NOTHING;

    IF trusted THEN
        SET LOCAL session_replication_role = origin;
    END IF;
    ANALYZE variants;
    ANALYZE variants_option_values;
    ANALYZE product_images;
    ANALYZE products_taxons;
    -- the read model's statistics decide every catalog page's plan: full-size samples (300 × 100 rows), so that the
    -- same catalog always gets the same plans
    SET LOCAL default_statistics_target = 100;
    PERFORM catalog_rebuild_listings();
    -- the generated texts are made of these words only: no need to read 100,000 descriptions back
    INSERT INTO search_words (word, lexeme)
    SELECT DISTINCT w.word, w.lexeme FROM (SELECT string_agg(x, ' ') AS body FROM (
        SELECT body FROM demo_sentences
        UNION ALL SELECT array_to_string(nouns || materials, ' ') || ' ' || name FROM demo_categories
        UNION ALL SELECT name FROM taxons
        UNION ALL SELECT presentation FROM option_values
        UNION ALL SELECT array_to_string(adjectives, ' ')
        UNION ALL SELECT DISTINCT value FROM product_properties WHERE product_id BETWEEN first_id AND last_id AND name <> 'Dimensions'
        UNION ALL SELECT 'Available') AS t(x)) AS v
    CROSS JOIN LATERAL catalog_words(v.body) AS w
    ON CONFLICT DO NOTHING;
    INSERT INTO demo_catalog_generation (size, first_product, last_product, products, variants, carts)
    VALUES (target, coalesce(first_id, 0), coalesce(last_id, 0), handmade + wanted, variant_n, cart_n);
    RETURN format('demo catalog of %s products (%s generated, %s variants) and %s carts loaded',
                  handmade + wanted, wanted, variant_n, cart_n);
END $gen$;
END
$demo$;
