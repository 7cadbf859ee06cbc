-- Faults switched on by an operator (platform.faults, docs/scenarios.md): one row per fault that is on, with its
-- automatic end on the shop's clock; fault_events keeps every switch (on, off, automatic end), who and from where.
CREATE TABLE faults (
    fault          varchar(40) PRIMARY KEY,
    severity       integer NOT NULL,
    target_version varchar(100),
    started_at     timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    changed_by     varchar(254) NOT NULL,
    source         varchar(20) NOT NULL
);
CREATE TABLE fault_events (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL,
    fault          varchar(40) NOT NULL,
    action         varchar(20) NOT NULL,
    severity       integer,
    target_version varchar(100),
    ends_at        timestamptz,
    actor          varchar(254) NOT NULL,
    source         varchar(20) NOT NULL
);
