package dev.mirshop.storefront.mail;

import java.time.Instant;
import java.time.OffsetDateTime;

import dev.mirshop.observability.MailMeters;
import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.lifecycle.BackgroundWork;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Reads how far behind the outbox is (mails waiting, the oldest one's enqueue time, mails abandoned) for the outbox
 * gauges, on its own schedule: a sender stuck on SMTP does not stop the gauges, and the oldest mail's age keeps
 * growing between two reads (it is computed at scrape time on the shop's clock).
 */
@ApplicationScoped
public class OutboxGauges implements BackgroundWork {

    @Inject
    EntityManager em;
    @Inject
    MailMeters meters;
    @Inject
    ShopConfig shop;

    private volatile boolean stopping;

    @Override
    public String finish() {
        stopping = true;
        return "outbox gauges stopped";
    }

    void onStart(@Observes StartupEvent event) {
        refreshIfStorefront();
    }

    @Scheduled(identity = "mail-outbox-gauges", every = "${shop.mail.gauge-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshIfStorefront() {
        if (!stopping && shop.role().serves(ShopRole.storefront)) {
            refresh();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refresh() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select (select count(*) from mail_outbox where sent_at is null and abandoned_at is null),
                       (select min(created_at) from mail_outbox where sent_at is null and abandoned_at is null),
                       (select count(*) from mail_outbox where abandoned_at is not null)""").getSingleResult();
        Instant oldest = row[1] instanceof OffsetDateTime odt ? odt.toInstant()
                : row[1] instanceof Instant i ? i : row[1] instanceof java.sql.Timestamp ts ? ts.toInstant() : null;
        meters.outbox(((Number) row[0]).longValue(), oldest, ((Number) row[2]).longValue());
    }
}
