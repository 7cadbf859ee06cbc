CREATE TABLE accounts (
    id            bigserial PRIMARY KEY,
    email         varchar(254) NOT NULL,
    password_hash varchar(100) NOT NULL,
    name          varchar(100) NOT NULL,
    role          varchar(30) NOT NULL DEFAULT 'shopper',
    -- saved shipping address
    address_name  varchar(100),
    address_line1 varchar(200),
    address_line2 varchar(200),
    address_city  varchar(100),
    address_zip   varchar(20),
    address_country varchar(2),
    address_phone varchar(30),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_idx ON accounts (lower(email));

-- Server-side login sessions: a random token in an HttpOnly cookie, valid on every replica, revocable.
CREATE TABLE sessions (
    token      varchar(64) PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account_idx ON sessions (account_id);

CREATE TABLE shipping_methods (
    code        varchar(30) PRIMARY KEY,
    name        varchar(100) NOT NULL,
    description varchar(255) NOT NULL,
    price       numeric(12, 2) NOT NULL CHECK (price >= 0),
    currency    varchar(3) NOT NULL DEFAULT 'USD',
    position    int NOT NULL DEFAULT 0
);
INSERT INTO shipping_methods (code, name, description, price, position) VALUES
    ('standard', 'Standard', 'Delivered in 3-5 business days', 5.99, 1),
    ('express', 'Express', 'Delivered in 1-2 business days', 14.99, 2);

-- A cart is addressed by a random token kept in an HttpOnly cookie; it also carries the checkout
-- progress (Spree keeps it on the incomplete order). Card numbers are never stored: only brand and last 4.
CREATE TABLE carts (
    id               bigserial PRIMARY KEY,
    token            varchar(64) NOT NULL UNIQUE,
    account_id       bigint REFERENCES accounts (id) ON DELETE SET NULL,
    email            varchar(254),
    ship_name        varchar(100),
    ship_line1       varchar(200),
    ship_line2       varchar(200),
    ship_city        varchar(100),
    ship_zip         varchar(20),
    ship_country     varchar(2),
    ship_phone       varchar(30),
    shipping_method  varchar(30) REFERENCES shipping_methods (code),
    payment_method   varchar(20),
    card_brand       varchar(20),
    card_last4       varchar(4),
    discount_code    varchar(64),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX carts_account_idx ON carts (account_id);

CREATE TABLE cart_items (
    id         bigserial PRIMARY KEY,
    cart_id    bigint NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    variant_id bigint NOT NULL REFERENCES variants (id),
    quantity   int NOT NULL CHECK (quantity > 0),
    added_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (cart_id, variant_id)
);

CREATE SEQUENCE order_number_seq START 100001;

CREATE TABLE orders (
    id              bigserial PRIMARY KEY,
    number          varchar(20) NOT NULL UNIQUE,
    -- lets a guest reopen the order page through a private link
    access_token    varchar(64) NOT NULL UNIQUE,
    account_id      bigint REFERENCES accounts (id) ON DELETE SET NULL,
    email           varchar(254) NOT NULL,
    state           varchar(20) NOT NULL DEFAULT 'complete',
    payment_state   varchar(20) NOT NULL,
    ship_name       varchar(100) NOT NULL,
    ship_line1      varchar(200) NOT NULL,
    ship_line2      varchar(200),
    ship_city       varchar(100) NOT NULL,
    ship_zip        varchar(20) NOT NULL,
    ship_country    varchar(2) NOT NULL,
    ship_phone      varchar(30),
    shipping_method varchar(30) NOT NULL,
    payment_method  varchar(20) NOT NULL,
    card_brand      varchar(20),
    card_last4      varchar(4),
    currency        varchar(3) NOT NULL DEFAULT 'USD',
    item_total      numeric(12, 2) NOT NULL,
    shipping_total  numeric(12, 2) NOT NULL,
    discount_code   varchar(64),
    discount_total  numeric(12, 2) NOT NULL DEFAULT 0,
    total           numeric(12, 2) NOT NULL,
    completed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_account_idx ON orders (account_id);

CREATE TABLE order_lines (
    id            bigserial PRIMARY KEY,
    order_id      bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    variant_id    bigint REFERENCES variants (id) ON DELETE SET NULL,
    sku           varchar(64) NOT NULL,
    product_name  varchar(200) NOT NULL,
    product_slug  varchar(200) NOT NULL,
    variant_label varchar(200),
    unit_price    numeric(12, 2) NOT NULL,
    quantity      int NOT NULL CHECK (quantity > 0),
    line_total    numeric(12, 2) NOT NULL
);
CREATE INDEX order_lines_order_idx ON order_lines (order_id);
