-- A signed-in shopper's wishlist (storefront.wishlist): saved variants, and a private link token that shows the
-- list read-only to whoever has it (a new token makes the old link stop working).
CREATE TABLE wishlists (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    share_token varchar(64) NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);
CREATE TABLE wishlist_items (
    id          bigserial PRIMARY KEY,
    wishlist_id bigint NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
    variant_id  bigint NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    added_at    timestamptz NOT NULL,
    UNIQUE (wishlist_id, variant_id)
);
