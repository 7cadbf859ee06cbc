package dev.mirshop.storefront.mail;

import java.time.Clock;
import java.time.ZoneOffset;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Deletes mails sent more than {@code shop.mail.keep-sent} (30 days) ago; unsent and abandoned ones stay. */
@ApplicationScoped
public class OutboxRetention {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ShopConfig shop;
    @Inject
    MailConfig config;

    @Scheduled(identity = "mail-outbox-retention", every = "6h", delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeSent() {
        if (shop.role().serves(ShopRole.storefront)) {
            em.createNativeQuery("delete from mail_outbox where sent_at < ?1")
                    .setParameter(1, clock.instant().minus(config.keepSent()).atOffset(ZoneOffset.UTC)).executeUpdate();
        }
    }
}
