package dev.mirshop.storefront.mail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the outbox is sent (SHOP_MAIL_*). SMTP itself is Quarkus Mailer's: QUARKUS_MAILER_HOST, _PORT, _USERNAME,
 * _PASSWORD, _FROM, _START_TLS (from a Secret in production; the embedded SMTP server on a laptop and in tests).
 */
@ConfigMapping(prefix = "shop.mail")
public interface MailConfig {

    /** How often the sender looks for due mails (a Quarkus scheduler interval, "2s"). */
    @WithDefault("2s")
    String pollInterval();

    /** How often the outbox gauges are read from the table. */
    @WithDefault("15s")
    String gaugeInterval();

    /**
     * Whether builds without -Dproduction start their embedded SMTP server (storefront.mail.embedded.EmbeddedSmtp);
     * the production artifact has none, whatever this says.
     */
    @WithDefault("true")
    boolean embeddedSmtp();

    /** How long one SMTP delivery may take before it counts as failed (and is retried). */
    @WithDefault("20S")
    Duration sendTimeout();

    /** Wait before the second attempt; it doubles with every failure up to {@link #maxBackoff()}. */
    @WithDefault("30S")
    Duration firstBackoff();

    @WithDefault("1H")
    Duration maxBackoff();

    /** Attempts before a mail is abandoned (kept in the table, counted, alerted on): about 14 hours with the defaults. */
    @WithDefault("20")
    int maxAttempts();

    /** Mails sent in one run of the sender at most (each in its own transaction). */
    @WithDefault("50")
    int batchSize();

    /** How long sent mails stay in the outbox table (OutboxRetention). */
    @WithDefault("30D")
    Duration keepSent();
}
