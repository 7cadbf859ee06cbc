-- Marketer console: who changed which campaign or discount code, when. Written by the console after each
-- successful change; the services own the entities, so entity_id is a plain number, never a foreign key.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_email varchar(254) NOT NULL,
    action      varchar(40) NOT NULL,
    entity_type varchar(40) NOT NULL,
    entity_id   bigint,
    summary     varchar(500) NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
