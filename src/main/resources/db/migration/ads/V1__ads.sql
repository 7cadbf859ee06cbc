-- Ad service. Owns schema "ads"; taxon permalinks are plain text copied from the storefront, never a reference.
CREATE TABLE campaigns (
    id        bigserial PRIMARY KEY,
    name      varchar(120) NOT NULL UNIQUE,
    theme     varchar(60) NOT NULL DEFAULT 'everyday',
    starts_at timestamptz,
    ends_at   timestamptz,
    -- a yearly campaign (e.g. Christmas) is live in the same month-day window every year; only the
    -- month, day and time of starts_at/ends_at count (UTC), and the window may wrap over New Year
    yearly    boolean NOT NULL DEFAULT false,
    priority  integer NOT NULL DEFAULT 0,
    paused    boolean NOT NULL DEFAULT false,
    CHECK (starts_at IS NULL OR ends_at IS NULL OR yearly OR ends_at > starts_at),
    CHECK (NOT yearly OR (starts_at IS NOT NULL AND ends_at IS NOT NULL))
);

CREATE TABLE ads (
    id              bigserial PRIMARY KEY,
    campaign_id     bigint NOT NULL REFERENCES campaigns (id),
    title           varchar(120) NOT NULL,
    alt_text        varchar(250) NOT NULL,
    -- where a click lands: a path on this shop only (no scheme, no host, no protocol-relative //)
    target_path     varchar(500) NOT NULL CHECK (target_path ~ '^/([^/\\]|$)' AND target_path !~ '[\\\s]'),
    weight          integer NOT NULL DEFAULT 1 CHECK (weight > 0),
    -- optional targeting: shown preferentially on pages of this taxon or its descendants
    taxon_permalink varchar(255),
    -- the file name the original workshop's /banners/{path} used
    banner_name     varchar(100) NOT NULL UNIQUE CHECK (banner_name ~ '^[a-z0-9][a-z0-9.-]*$'),
    impressions     bigint NOT NULL DEFAULT 0,
    clicks          bigint NOT NULL DEFAULT 0
);
CREATE INDEX ads_campaign_idx ON ads (campaign_id);

-- Banner images live in the service's own table, apart from the ads so selecting ads never loads bytes.
CREATE TABLE banners (
    ad_id        bigint PRIMARY KEY REFERENCES ads (id),
    content_type varchar(100) NOT NULL,
    content      bytea NOT NULL,
    size_bytes   integer GENERATED ALWAYS AS (octet_length(content)) STORED,
    sha256       varchar(64) GENERATED ALWAYS AS (encode(sha256(content), 'hex')) STORED
);
