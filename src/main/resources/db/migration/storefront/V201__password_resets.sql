-- Password reset requests (storefront.account.PasswordResets): only the SHA-256 of the mailed token is kept; a token
-- works once (used_at) and until expires_at, compared with the application's clock.
CREATE TABLE password_resets (
    id          bigserial PRIMARY KEY,
    token_hash  varchar(64) NOT NULL UNIQUE,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_resets_account_idx ON password_resets (account_id);
CREATE INDEX password_resets_expires_idx ON password_resets (expires_at);
