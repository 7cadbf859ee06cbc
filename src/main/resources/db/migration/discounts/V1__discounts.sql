-- Discount service. Owns schema "discounts"; nothing here references another service's tables.
CREATE TABLE discount_types (
    id             bigserial PRIMARY KEY,
    name           varchar(20) NOT NULL UNIQUE,
    -- how the amount is computed, kept for the original workshop's GET /discount
    discount_query varchar(200) NOT NULL
);
INSERT INTO discount_types (name, discount_query) VALUES
    ('percent', 'order_total * value / 100'),
    ('fixed', 'least(value, order_total)'),
    ('free_shipping', 'shipping_total');

CREATE TABLE discount_codes (
    id                  bigserial PRIMARY KEY,
    name                varchar(120) NOT NULL,
    code                varchar(40) NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{3,40}$'),
    kind                varchar(20) NOT NULL REFERENCES discount_types (name),
    value               numeric(12,2) NOT NULL DEFAULT 0 CHECK (value >= 0),
    minimum_order_total numeric(12,2) NOT NULL DEFAULT 0 CHECK (minimum_order_total >= 0),
    starts_at           timestamptz,
    ends_at             timestamptz,
    usage_limit         integer CHECK (usage_limit > 0),
    per_customer_limit  integer CHECK (per_customer_limit > 0),
    times_used          integer NOT NULL DEFAULT 0 CHECK (times_used >= 0),
    active              boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at),
    CHECK (kind <> 'percent' OR value <= 100)
);
-- codes are unique whatever their case
CREATE UNIQUE INDEX discount_codes_code_lower_key ON discount_codes (lower(code));

CREATE TABLE discount_redemptions (
    id               bigserial PRIMARY KEY,
    discount_code_id bigint NOT NULL REFERENCES discount_codes (id),
    -- the storefront's order number: a retried redeem finds its earlier redemption here
    order_number     varchar(64) NOT NULL UNIQUE,
    customer_key     varchar(254) NOT NULL,
    order_total      numeric(12,2) NOT NULL,
    amount           numeric(12,2) NOT NULL,
    redeemed_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX discount_redemptions_code_customer_idx ON discount_redemptions (discount_code_id, customer_key);
