package dev.mirshop.storefront.mail;

import dev.mirshop.observability.MailMeters;
import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.lifecycle.BackgroundWork;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The background job that empties the outbox: every {@code shop.mail.poll-interval} (2 s) it sends what is due, one
 * mail per transaction ({@link OutboxDelivery}), and stops at the first failure (SMTP is probably down: the next run
 * tries again, each mail on its own backoff). {@link #sendDue()} is also what a graceful shutdown should call once,
 * before the datasource closes, so mails queued in the last seconds leave with the process; nothing calls it at
 * shutdown yet (the platform's background-work flush will). Without that call nothing is lost: the next process
 * sends them (OutboxProcessDeathTest).
 */
@ApplicationScoped
public class OutboxSender implements BackgroundWork {

    @Inject
    OutboxDelivery delivery;
    @Inject
    MailConfig config;
    @Inject
    MailMeters meters;
    @Inject
    ShopConfig shop;

    private volatile boolean stopping;

    /** At shutdown (platform.lifecycle): scheduled runs stop, and what is due is sent once before the datasource closes. */
    @Override
    public String finish() {
        stopping = true;
        if (!shop.role().serves(ShopRole.storefront)) {
            return "no mail outbox in role " + shop.role();
        }
        return "sent the last " + sendDue() + " mails";
    }

    @Scheduled(identity = "mail-outbox", every = "${shop.mail.poll-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!stopping && shop.role().serves(ShopRole.storefront)) {
            sendDue();
        }
    }

    /** Sends the mails due now, at most {@code shop.mail.batch-size}; returns how many went out. Safe to call concurrently. */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < config.batchSize(); i++) {
            OutboxDelivery.Result result = delivery.sendOneDue();
            switch (result.outcome()) {
                case NOTHING_DUE -> {
                    return sent;
                }
                case SENT -> {
                    meters.mailSent(result.kind().label(), result.waited());
                    sent++;
                }
                case FAILED, ABANDONED -> {
                    meters.mailFailed(result.kind().label(), result.outcome() == OutboxDelivery.Outcome.ABANDONED);
                    return sent;
                }
            }
        }
        return sent;
    }
}
