package dev.mirshop.ads.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.mirshop.ads.Ad;
import dev.mirshop.observability.AdMeters;
import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.lifecycle.BackgroundWork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts impressions in memory and adds them to the ads' rows in batches, so that showing an ad on every page never
 * makes page views queue on the same database rows. Runs only in processes that play the ad service.
 * <p>
 * What is held between two writes is bounded twice: a write every {@code ads.impression-flush} (5 s), and one as
 * soon as {@code ads.impression-max-pending} (1,000) impressions wait, whichever comes first. That is what a process
 * killed with SIGKILL can lose (docs/services.md); a process that is stopped writes everything it holds
 * ({@link BackgroundWork}, after the last request and before the datasource closes).
 */
@ApplicationScoped
public class ImpressionCounter implements BackgroundWork {

    private static final Logger LOG = Logger.getLogger(ImpressionCounter.class);

    /** Impressions per ad id, not yet written. Only atomic per-key operations: no increment can slip between a read and a remove. */
    private final Map<Long, Long> pending = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();
    private final AtomicBoolean earlyFlushQueued = new AtomicBoolean();
    /** After a failed write, only the scheduled flush tries again: a database outage must not meet a retry per page view. */
    private volatile boolean lastWriteFailed;

    @Inject
    AdMeters meters;

    @Inject
    ShopConfig shop;

    @ConfigProperty(name = "ads.impression-max-pending", defaultValue = "1000")
    long maxPending;

    public void count(Iterable<Ad> shown) {
        long n = 0;
        for (Ad ad : shown) {
            pending.merge(ad.id, 1L, Long::sum);
            meters.adImpression(ad.campaign.name);
            n++;
        }
        if (held.addAndGet(n) >= maxPending && !lastWriteFailed && earlyFlushQueued.compareAndSet(false, true)) {
            // called on the I/O thread: the write happens on a worker
            Infrastructure.getDefaultWorkerPool().execute(this::earlyFlush);
        }
    }

    /** Impressions counted and not yet in the database. */
    public long held() {
        return held.get();
    }

    private void earlyFlush() {
        try {
            flushKeepingFailures();
        } finally {
            earlyFlushQueued.set(false);
        }
    }

    @Scheduled(every = "${ads.impression-flush:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotAnAdsProcess.class)
    void scheduledFlush() {
        flushKeepingFailures();
    }

    private void flushKeepingFailures() {
        try {
            flush();
        } catch (ImpressionsNotWritten e) {
            LOG.warnf(e.getCause(), "%s; keeping them for the next flush", e.getMessage());
        }
    }

    /**
     * Adds the pending counts to the database in one transaction, in id order so concurrent flushes never deadlock.
     * Answers how many impressions were written; on failure they are kept for the next flush.
     */
    public synchronized long flush() {
        Map<Long, Long> batch = new TreeMap<>();
        for (Long id : pending.keySet()) {
            Long n = pending.remove(id);
            if (n != null && n > 0) {
                batch.put(id, n);
            }
        }
        if (batch.isEmpty()) {
            lastWriteFailed = false;
            return 0;
        }
        long total = batch.values().stream().mapToLong(Long::longValue).sum();
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(
                    (id, n) -> Ad.update("impressions = impressions + ?1 where id = ?2", n, id)));
            held.addAndGet(-total);
            lastWriteFailed = false;
            return total;
        } catch (RuntimeException e) {
            batch.forEach((id, n) -> pending.merge(id, n, Long::sum));
            lastWriteFailed = true;
            throw new ImpressionsNotWritten(total, batch.size(), e);
        }
    }

    /** The scheduled and early flushes keep what they could not write; this one is the last: it says what is lost. */
    @Override
    public String finish() {
        if (!shop.role().serves(ShopRole.ads)) {
            return "no impressions to write (not an ad service process)";
        }
        long written = flush();
        return "wrote the last " + written + " impressions";
    }

    static final class ImpressionsNotWritten extends RuntimeException {
        ImpressionsNotWritten(long impressions, int ads, RuntimeException cause) {
            super("Could not write " + impressions + " impressions of " + ads + " ads", cause);
        }
    }

    public static class NotAnAdsProcess implements Scheduled.SkipPredicate {
        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !io.quarkus.arc.Arc.container().instance(ShopConfig.class).get().role().serves(ShopRole.ads);
        }
    }
}
