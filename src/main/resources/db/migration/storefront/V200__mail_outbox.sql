-- Mails waiting for SMTP (storefront.mail): written in the transaction of what they tell about (an order, a reset
-- request), sent by storefront.mail.OutboxSender, which locks each row while it sends (FOR UPDATE SKIP LOCKED) and
-- marks it sent in the same transaction. Times come from the application's clock, passed as parameters.
CREATE TABLE mail_outbox (
    id              bigserial PRIMARY KEY,
    kind            varchar(40) NOT NULL,
    recipient       varchar(254) NOT NULL,
    subject         varchar(300) NOT NULL,
    html_body       text NOT NULL,
    text_body       text NOT NULL,
    -- stable per row: a resend after a crash between SMTP's answer and our commit carries the same Message-ID
    message_id      varchar(200) NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        int NOT NULL DEFAULT 0,
    last_error      varchar(500),
    sent_at         timestamptz,
    -- given up after shop.mail.max-attempts: kept, counted and alerted on, never deleted silently
    abandoned_at    timestamptz
);
-- What the sender polls and the outbox gauges read: only rows still to send.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX mail_outbox_pending_age_idx ON mail_outbox (created_at) WHERE sent_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX mail_outbox_abandoned_idx ON mail_outbox (abandoned_at) WHERE abandoned_at IS NOT NULL;
-- The daily purge of mails sent long ago (storefront.mail.OutboxRetention).
CREATE INDEX mail_outbox_sent_idx ON mail_outbox (sent_at) WHERE sent_at IS NOT NULL;
