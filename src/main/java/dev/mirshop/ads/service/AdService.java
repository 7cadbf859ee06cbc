package dev.mirshop.ads.service;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mirshop.ads.Ad;
import dev.mirshop.ads.AdSelector;
import dev.mirshop.ads.Banner;
import dev.mirshop.ads.Campaign;
import dev.mirshop.ads.LocalPath;
import dev.mirshop.ads.rest.AdApi.AdView;
import dev.mirshop.observability.AdMeters;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The ad service's answers to pages and to the workshop's clients: which ads a page shows (from campaigns held in
 * memory), clicks, banners, the workshop's lists.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AdService {

    @Inject
    AdMeters adMeters;

    @Inject
    Clock clock;

    @Inject
    ImpressionCounter impressions;

    /** The workshop's GET /ads list (ads.rest.AdClickResource), dropped with the snapshot. */
    public static final String WORKSHOP_ADS = "workshop-ads";
    @Inject
    @CacheName(WORKSHOP_ADS)
    Cache workshopAds;

    @ConfigProperty(name = "ads.snapshot-ttl", defaultValue = "2s")
    Duration snapshotTtl;

    /**
     * Campaigns with their ads and banner URLs, reloaded at most every few seconds: selecting costs no query. Its age
     * is measured on the monotonic clock; which campaign is live is decided on the shop's clock at each selection.
     */
    private record Snapshot(List<Campaign> campaigns, Map<Long, String> imageUrls, long loadedAtNanos) {
    }

    private volatile Snapshot snapshot;
    /** The load in flight, if any; concurrent selections share it. */
    private final AtomicReference<CompletableFuture<Snapshot>> loading = new AtomicReference<>();
    /** Bumped by {@link #refresh()}: a load that started before a console change must not install old campaigns. */
    private final AtomicLong generation = new AtomicLong();

    /**
     * Selects ads for a page and counts an impression for each, on the calling (I/O) thread from the snapshot in
     * memory. A stale snapshot still answers while one reload runs in the background (every page of a busy shop
     * would otherwise reload at once); only without any snapshot (at startup, after a console change) does the
     * selection wait, for the one load in flight.
     */
    public Uni<List<AdView>> select(Set<String> context, int count) {
        return select(current -> AdSelector.select(current.campaigns(), clock.instant(), context, count,
                ThreadLocalRandom.current()));
    }

    /**
     * {@code draws} independent one-ad selections for a page context, each counted as an impression: a busy
     * storefront takes one per page view instead of asking once per view (storefront.clients.AdDraws).
     */
    public Uni<List<AdView>> draws(Set<String> context, int draws) {
        return select(current -> AdSelector.draws(current.campaigns(), clock.instant(), context, draws,
                ThreadLocalRandom.current()));
    }

    /**
     * The taxons some ad of an unpaused campaign targets, live or scheduled, sorted: ads are chosen only by which of
     * them a page's taxons fall under ({@link AdSelector}), so a storefront that sends only those shares one context
     * among all the pages that match the same ones (storefront.clients.AdTargets).
     */
    public Uni<List<String>> targets() {
        return fromSnapshot(current -> current.campaigns().stream().flatMap(c -> c.ads.stream())
                .map(a -> a.taxonPermalink).filter(t -> t != null).distinct().sorted().toList());
    }

    private Uni<List<AdView>> select(Function<Snapshot, List<Ad>> selection) {
        return fromSnapshot(current -> choose(current, selection));
    }

    private <T> Uni<T> fromSnapshot(Function<Snapshot, T> read) {
        Snapshot current = snapshot;
        if (current != null) {
            if (!fresh(current)) {
                load();
            }
            return Uni.createFrom().item(read.apply(current));
        }
        // a copy: a caller that gives up (cancels) must not cancel the load the others wait for
        return Uni.createFrom().completionStage(() -> load().copy()).map(read);
    }

    private List<AdView> choose(Snapshot current, Function<Snapshot, List<Ad>> selection) {
        List<Ad> chosen = selection.apply(current);
        if (chosen.isEmpty()) {
            return List.of();
        }
        impressions.count(chosen);
        return chosen.stream().map(a -> AdView.of(a, current.imageUrls().get(a.id))).toList();
    }

    private boolean fresh(Snapshot current) {
        return current != null && System.nanoTime() - current.loadedAtNanos() <= snapshotTtl.toNanos();
    }

    /** Starts a load on a worker thread unless one is in flight; either way, the future of that load. */
    private CompletableFuture<Snapshot> load() {
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> inFlight = loading.compareAndExchange(null, mine);
        if (inFlight != null) {
            return inFlight;
        }
        long generationAtStart = generation.get();
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                long startedAt = System.nanoTime();
                Snapshot loaded = QuarkusTransaction.joiningExisting().call(() -> {
                    List<Campaign> campaigns = Campaign.unpausedWithAds();
                    List<Long> ids = campaigns.stream().flatMap(c -> c.ads.stream()).map(a -> a.id).toList();
                    return new Snapshot(campaigns, imageUrls(ids), startedAt);
                });
                if (generation.get() == generationAtStart) {
                    snapshot = loaded;
                }
                mine.complete(loaded);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                loading.compareAndSet(mine, null);
            }
        });
        return mine;
    }

    /** Makes the next selection read the database again (after a console change). */
    public void refresh() {
        workshopAds.invalidateAll().await().indefinitely();
        generation.incrementAndGet();
        snapshot = null;
        loading.set(null);
    }

    /** Counts a click and answers where it lands: the ad's path if it is on this shop, else the home page. */
    @Transactional(Transactional.TxType.REQUIRED)
    public String click(long id) {
        Ad ad = Refusals.adOr404(id);
        Ad.countClick(id);
        adMeters.adClicked(ad.campaign.name);
        return LocalPath.isLocal(ad.targetPath) ? ad.targetPath : "/";
    }

    public List<Ad> all() {
        return Ad.find("select a from Ad a join fetch a.campaign order by a.id").list();
    }

    public Optional<Banner> banner(long adId) {
        return Optional.ofNullable(Banner.findById(adId));
    }

    public Optional<Banner> bannerNamed(String bannerName) {
        return Ad.<Ad>find("bannerName", bannerName).firstResultOptional()
                .flatMap(ad -> Optional.ofNullable(Banner.<Banner>findById(ad.id)));
    }

    /**
     * The workshop's weighted banner: the first ad (in id order, the workshop's table order) lighter than the given
     * weight. Weights are whole numbers: lighter than 2.5 is lighter than 3.
     */
    public Optional<Ad> firstLighterThan(double weight) {
        int bound = (int) Math.min(Math.ceil(weight), Integer.MAX_VALUE);
        return Ad.<Ad>find("weight < ?1 order by id", bound).firstResultOptional();
    }

    private static Map<Long, String> imageUrls(List<Long> adIds) {
        Map<Long, String> urls = new HashMap<>();
        Banner.factsOf(adIds).forEach((adId, banner) -> urls.put(adId, banner.url()));
        return urls;
    }
}
