package dev.mirshop.storefront.clients;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.mirshop.observability.StorefrontMeters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The ad service's selections for each page context, fetched a batch at a time: a busy page takes one draw per view
 * instead of one call per view (a loopback exchange cost more CPU than the rest of a cached home page, issue 15).
 * <ul>
 * <li>Each draw is an independent selection the service already counted as an impression; a view takes one.</li>
 * <li>A batch holds about half a second of the context's views, measured over the last second (at least one, at most
 * {@link #MAX_DRAWS}): a quiet context still asks once per view.</li>
 * <li>A draw lives {@link #LIFETIME}, so a console change shows within that plus the service's 2 s snapshot; one
 * that expires unshown is counted ({@code shop_dependency_unshown_ad_draws_total}), at most one batch per context when its
 * traffic drops.</li>
 * <li>"No ad here" is an answer that holds for the same lifetime.</li>
 * <li>The next batch is asked for when fewer than a quarter of a batch is left, so a steady stream of views does
 * not wait for fetches.</li>
 * <li>Views that find no draw share the one fetch in flight for their context. A failed fetch fails each of them,
 * so {@link AdClient}, which owns the budget, breaker and fallback, counts one fallback per view.</li>
 * </ul>
 */
@ApplicationScoped
class AdDraws {

    static final Duration LIFETIME = Duration.ofSeconds(1);
    /** The ad service's limit on one call (ads.rest.AdResource). */
    static final int MAX_DRAWS = 100;
    /** Ad contexts (taxon sets) remembered at once: their draws here, their last good ad in {@link AdClient}. */
    static final int CONTEXTS_REMEMBERED = 2_000;
    /** Views that find the batch they waited for already taken ask again, this many times at most. */
    private static final int ROUNDS = 3;

    @Inject
    @RestClient
    AdsApi api;

    @Inject
    StorefrontMeters meters;

    private final Map<String, Context> contexts = new ConcurrentHashMap<>();
    /** Ages are measured on the monotonic clock; tests move it ({@link #ticker(LongSupplier)}). */
    private volatile LongSupplier ticker = System::nanoTime;

    /** One draw for a view of a page with this context key; fails when the service does (never with "no ad"). */
    Uni<Optional<AdView>> take(String key) {
        Context context = contexts.get(key);
        if (context == null) {
            if (contexts.size() >= CONTEXTS_REMEMBERED) {
                contexts.values().forEach(c -> meters.adDrawsUnshown(c.drop()));
                contexts.clear();
            }
            context = contexts.computeIfAbsent(key, k -> new Context(ticker.getAsLong()));
        }
        return take(key, context, 1);
    }

    private Uni<Optional<AdView>> take(String key, Context context, int round) {
        long now = ticker.getAsLong();
        Uni<Void> fetch;
        synchronized (context) {
            if (round == 1) {
                context.countView(now);
            }
            Optional<AdView> ready = context.poll(now);
            if (context.expired > 0) {
                meters.adDrawsUnshown(context.expired);
                context.expired = 0;
            }
            if (ready != null) {
                if (ready.isPresent() && context.runningLow() && context.inFlight == null) {
                    // the next batch is asked for before this one runs out, so that a steady stream of views never
                    // waits for a fetch; nobody waits for this one, and a view that finds no draw joins it ("no ad
                    // here" is asked again only once it has expired)
                    context.inFlight = fetch(key, context, context.batchSize());
                    context.inFlight.subscribe().with(done -> {
                    }, failure -> {
                    });
                }
                return Uni.createFrom().item(ready);
            }
            if (round > ROUNDS) {
                return Uni.createFrom().failure(new NoDrawLeft());
            }
            if (context.inFlight == null) {
                context.inFlight = fetch(key, context, context.batchSize());
            }
            fetch = context.inFlight;
        }
        return fetch.chain(() -> take(key, context, round + 1));
    }

    private Uni<Void> fetch(String key, Context context, int draws) {
        Uni<List<AdView>> answer = draws == 1 ? api.select(key, 1) : api.draws(key, 1, draws);
        return answer
                // the client's read timeout ends a call long before this; the context must never wait on a fetch
                // that cannot end, since every view of it would join that fetch
                .ifNoItem().after(LIFETIME).fail()
                .onFailure(AdsApi.NoAnswer.class).recoverWithItem(List.of())
                .onItemOrFailure().invoke((ads, failure) -> {
                    synchronized (context) {
                        context.inFlight = null;
                        if (failure == null) {
                            context.add(ads, ticker.getAsLong() + LIFETIME.toNanos());
                        }
                    }
                })
                .replaceWithVoid()
                // every view waiting for this fetch shares its one call; a view that gives up does not cancel it
                .memoize().indefinitely();
    }

    /** For tests: the monotonic clock draws and views are timed by, in nanoseconds. */
    void ticker(LongSupplier nanoTime) {
        ticker = nanoTime;
    }

    /** For tests: forget every draw (without counting them). */
    void forget() {
        contexts.clear();
    }

    /** Views kept finding their context's draws taken by others: the fallback answers this view. */
    static final class NoDrawLeft extends RuntimeException {
        NoDrawLeft() {
            super("no ad draw left after " + ROUNDS + " fetches", null, false, false);
        }
    }

    /** One context's draws, views and fetch in flight; guarded by its own monitor. */
    private static final class Context {
        private final ArrayDeque<Draw> ready = new ArrayDeque<>();
        /** While positive, "no ad" answers every view of this context without a call. */
        private long noAdUntil;
        private Uni<Void> inFlight;
        private long windowStart;
        private int viewsInWindow;
        private int viewsLastWindow;
        private int expired;

        private record Draw(AdView ad, long expiresAt) {
        }

        Context(long now) {
            windowStart = now;
        }

        void countView(long now) {
            long since = now - windowStart;
            if (since >= 1_000_000_000L) {
                viewsLastWindow = since < 2_000_000_000L ? viewsInWindow : 0;
                viewsInWindow = 0;
                windowStart = now;
            }
            viewsInWindow++;
        }

        /** Half a second of this context's views, by the busier of this second and the last. */
        int batchSize() {
            int perSecond = Math.max(viewsInWindow, viewsLastWindow);
            return Math.max(1, Math.min(MAX_DRAWS, (perSecond + 1) / 2));
        }

        /** Fewer draws left than a quarter of a batch, for a context busy enough to be fetched in batches. */
        boolean runningLow() {
            int batch = batchSize();
            return batch > 1 && ready.size() < Math.max(1, batch / 4);
        }

        /** A fresh draw, "no ad" while that answer holds, or null when a fetch is needed. */
        Optional<AdView> poll(long now) {
            Draw draw;
            while ((draw = ready.poll()) != null) {
                if (draw.expiresAt() - now > 0) {
                    return Optional.of(draw.ad());
                }
                expired++;
            }
            return noAdUntil - now > 0 ? Optional.empty() : null;
        }

        void add(List<AdView> ads, long expiresAt) {
            if (ads.isEmpty()) {
                noAdUntil = expiresAt;
                return;
            }
            noAdUntil = 0;
            ads.forEach(ad -> ready.add(new Draw(ad, expiresAt)));
        }

        synchronized int drop() {
            int dropped = ready.size();
            ready.clear();
            return dropped;
        }
    }
}
