package dev.mirshop.ads.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import dev.mirshop.ads.Ad;
import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Counts impressions in memory and adds them to the ads' rows every few seconds, so that showing an ad on every
 * page never makes page views queue on the same database rows. Runs only in processes that play the ad service.
 */
@ApplicationScoped
public class ImpressionCounter {

    private static final Logger LOG = Logger.getLogger(ImpressionCounter.class);

    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry meters;

    @Inject
    ShopConfig shop;

    public void count(Iterable<Long> adIds) {
        for (Long id : adIds) {
            pending.computeIfAbsent(id, k -> new LongAdder()).increment();
            meters.counter("mir.ads.impressions").increment();
        }
    }

    @Scheduled(every = "${ads.impression-flush:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotAnAdsProcess.class)
    void scheduledFlush() {
        flush();
    }

    /** Adds the pending counts to the database, in id order so concurrent flushes never deadlock. */
    public void flush() {
        Map<Long, Long> batch = new TreeMap<>();
        for (Long id : pending.keySet()) {
            LongAdder adder = pending.remove(id);
            if (adder != null && adder.sum() > 0) {
                batch.put(id, adder.sum());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(
                    (id, n) -> Ad.update("impressions = impressions + ?1 where id = ?2", n, id)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record %d ads' impressions; keeping them for the next flush", batch.size());
            batch.forEach((id, n) -> pending.computeIfAbsent(id, k -> new LongAdder()).add(n));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (shop.role().serves(ShopRole.ads)) {
            flush();
        }
    }

    public static class NotAnAdsProcess implements Scheduled.SkipPredicate {
        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !io.quarkus.arc.Arc.container().instance(ShopConfig.class).get().role().serves(ShopRole.ads);
        }
    }
}
