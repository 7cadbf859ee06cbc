package dev.mirshop.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The storefront's mail meters (the outbox in storefront.mail), a contract with the dashboards and the alert
 * MirShopMailOutboxBackedUp (docs/metrics.md): shop_mails_sent_total, shop_mail_send_failures_total,
 * shop_mail_delivery_delay_seconds, shop_mail_outbox_pending, shop_mail_outbox_oldest_age_seconds,
 * shop_mail_outbox_abandoned.
 */
@Startup
@ApplicationScoped
public class MailMeters {

    /** The kinds of mail (storefront.mail.MailKind labels); anything else is "other". */
    public static final Set<String> KINDS = Set.of("order_confirmation", "order_link", "password_reset",
            "password_changed");

    private record Outbox(long pending, Instant oldest, long abandoned) {
    }

    @Inject
    MeterRegistry registry;
    @Inject
    ShopConfig shop;
    @Inject
    Clock clock;

    private volatile Outbox outbox = new Outbox(0, null, 0);

    @PostConstruct
    void registerSeriesAtZero() {
        if (!shop.role().serves(ShopRole.storefront)) {
            return;
        }
        for (String kind : KINDS) {
            sent(kind);
            failures(kind, "retry");
            failures(kind, "abandoned");
            delay(kind);
        }
        Gauge.builder("shop.mail.outbox.pending", this, m -> m.outbox.pending())
                .description("Mails in the outbox waiting to be sent (not abandoned)").register(registry);
        Gauge.builder("shop.mail.outbox.oldest.age", this, MailMeters::oldestAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest mail still waiting in the outbox (0 when none)").register(registry);
        Gauge.builder("shop.mail.outbox.abandoned", this, m -> m.outbox.abandoned())
                .description("Mails given up after the last retry, kept in the outbox for an operator").register(registry);
    }

    /** SMTP accepted a mail that had waited {@code waited} since it was queued. */
    public void mailSent(String kind, Duration waited) {
        String label = MeterLabels.oneOf(kind, KINDS);
        sent(label).increment();
        delay(label).record(waited.isNegative() ? Duration.ZERO : waited);
    }

    /** An attempt failed; {@code abandoned}: it was the last one. */
    public void mailFailed(String kind, boolean abandoned) {
        failures(MeterLabels.oneOf(kind, KINDS), abandoned ? "abandoned" : "retry").increment();
    }

    /** What the outbox holds now (read from its table by storefront.mail.OutboxGauges). */
    public void outbox(long pending, Instant oldest, long abandoned) {
        outbox = new Outbox(pending, oldest, abandoned);
    }

    private double oldestAgeSeconds() {
        Instant oldest = outbox.oldest();
        if (oldest == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private Counter sent(String kind) {
        return Counter.builder("shop.mails.sent").description("Mails accepted by the SMTP server")
                .tag("kind", kind).register(registry);
    }

    private Counter failures(String kind, String outcome) {
        return Counter.builder("shop.mail.send.failures").description("Failed SMTP deliveries (retried, or abandoned)")
                .tag("kind", kind).tag("outcome", outcome).register(registry);
    }

    private Timer delay(String kind) {
        return Timer.builder("shop.mail.delivery.delay").description("Time from queueing a mail to SMTP accepting it")
                .tag("kind", kind).publishPercentileHistogram(false)
                .serviceLevelObjectives(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
                        Duration.ofMinutes(10), Duration.ofHours(1))
                .register(registry);
    }
}
