-- Catalog, after Spree's model: taxonomies/taxons (a tree addressed by permalink), products with
-- option types and variants (the purchasable unit: SKU, price, stock), images and properties.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Search: stemmed English, accents folded, case folded by the parser.
CREATE TEXT SEARCH CONFIGURATION shop_search (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION shop_search
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE TABLE taxonomies (
    id          bigserial PRIMARY KEY,
    name        varchar(100) NOT NULL UNIQUE,
    position    int NOT NULL DEFAULT 0
);

CREATE TABLE taxons (
    id          bigserial PRIMARY KEY,
    taxonomy_id bigint NOT NULL REFERENCES taxonomies (id),
    parent_id   bigint REFERENCES taxons (id),
    name        varchar(100) NOT NULL,
    -- full path from the taxonomy root, e.g. categories/clothing/shirts; descendants share the prefix
    permalink   varchar(255) NOT NULL UNIQUE CHECK (permalink ~ '^[a-z0-9-]+(/[a-z0-9-]+)*$'),
    description text,
    icon        varchar(255),
    position    int NOT NULL DEFAULT 0
);
CREATE INDEX taxons_parent_idx ON taxons (parent_id);
CREATE INDEX taxons_permalink_prefix_idx ON taxons (permalink varchar_pattern_ops);

CREATE TABLE products (
    id               bigserial PRIMARY KEY,
    name             varchar(200) NOT NULL,
    slug             varchar(200) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
    description      text NOT NULL DEFAULT '',
    meta_title       varchar(200),
    meta_description varchar(400),
    available_on     timestamptz NOT NULL DEFAULT now(),
    featured         boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    search_vector    tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('shop_search', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('shop_search', coalesce(description, '')), 'B')) STORED
);
CREATE INDEX products_search_idx ON products USING gin (search_vector);
CREATE INDEX products_available_idx ON products (available_on);

CREATE TABLE products_taxons (
    product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    taxon_id   bigint NOT NULL REFERENCES taxons (id) ON DELETE CASCADE,
    PRIMARY KEY (product_id, taxon_id)
);
CREATE INDEX products_taxons_taxon_idx ON products_taxons (taxon_id);

CREATE TABLE option_types (
    id           bigserial PRIMARY KEY,
    name         varchar(50) NOT NULL UNIQUE,
    presentation varchar(100) NOT NULL,
    position     int NOT NULL DEFAULT 0
);

CREATE TABLE option_values (
    id             bigserial PRIMARY KEY,
    option_type_id bigint NOT NULL REFERENCES option_types (id),
    name           varchar(50) NOT NULL,
    presentation   varchar(100) NOT NULL,
    position       int NOT NULL DEFAULT 0,
    UNIQUE (option_type_id, name)
);

CREATE TABLE variants (
    id               bigserial PRIMARY KEY,
    product_id       bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    sku              varchar(64) NOT NULL UNIQUE,
    price            numeric(12, 2) NOT NULL CHECK (price >= 0),
    compare_at_price numeric(12, 2) CHECK (compare_at_price >= 0),
    currency         varchar(3) NOT NULL DEFAULT 'USD',
    -- never negative: the order transaction decrements with a guarded UPDATE
    stock_on_hand    int NOT NULL DEFAULT 0 CHECK (stock_on_hand >= 0),
    position         int NOT NULL DEFAULT 0
);
CREATE INDEX variants_product_idx ON variants (product_id);
CREATE INDEX variants_price_idx ON variants (price);

CREATE TABLE variants_option_values (
    variant_id      bigint NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    option_value_id bigint NOT NULL REFERENCES option_values (id),
    PRIMARY KEY (variant_id, option_value_id)
);
CREATE INDEX variants_option_values_value_idx ON variants_option_values (option_value_id);

CREATE TABLE product_images (
    id         bigserial PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    variant_id bigint REFERENCES variants (id) ON DELETE CASCADE,
    url        varchar(255) NOT NULL,
    alt        varchar(255) NOT NULL,
    position   int NOT NULL DEFAULT 0
);
CREATE INDEX product_images_product_idx ON product_images (product_id);

CREATE TABLE product_properties (
    id         bigserial PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    name       varchar(100) NOT NULL,
    value      varchar(255) NOT NULL,
    position   int NOT NULL DEFAULT 0
);
CREATE INDEX product_properties_product_idx ON product_properties (product_id);
