package dev.mirshop.ads.service;

import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.mirshop.ads.Ad;
import dev.mirshop.ads.AdSelector;
import dev.mirshop.ads.Banner;
import dev.mirshop.ads.Campaign;
import dev.mirshop.ads.LocalPath;
import dev.mirshop.ads.rest.AdApi.AdForm;
import dev.mirshop.ads.rest.AdApi.AdView;
import dev.mirshop.ads.rest.AdApi.CampaignForm;
import dev.mirshop.platform.errors.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AdService {

    @Inject
    dev.mirshop.observability.AdMeters adMeters;

    static final int MAX_IMAGE_BYTES = 512 * 1024;

    @jakarta.inject.Inject
    Clock clock;

    @Inject
    ImpressionCounter impressions;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "ads.snapshot-ttl", defaultValue = "2s")
    java.time.Duration snapshotTtl;

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
        Snapshot current = snapshot;
        if (current != null) {
            if (!fresh(current)) {
                load();
            }
            return Uni.createFrom().item(choose(current, context, count));
        }
        // a copy: a caller that gives up (cancels) must not cancel the load the others wait for
        return Uni.createFrom().completionStage(() -> load().copy()).map(loaded -> choose(loaded, context, count));
    }

    private List<AdView> choose(Snapshot current, Set<String> context, int count) {
        List<Ad> chosen = AdSelector.select(current.campaigns(), clock.instant(), context, count,
                ThreadLocalRandom.current());
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
                    return new Snapshot(campaigns, ids.isEmpty() ? Map.of() : imageUrls(ids), startedAt);
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
        generation.incrementAndGet();
        snapshot = null;
        loading.set(null);
    }

    /** Counts a click and answers where it lands: the ad's path if it is on this shop, else the home page. */
    @Transactional(Transactional.TxType.REQUIRED)
    public String click(long id) {
        Ad ad = Ad.findById(id);
        if (ad == null) {
            throw new NotFoundException("No ad " + id);
        }
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

    /** The workshop's weighted banner: the heaviest ad not heavier than the given weight. */
    public Optional<Ad> heaviestUpTo(double weight) {
        return Ad.<Ad>find("weight <= ?1 order by weight desc, id", (int) Math.floor(weight)).firstResultOptional();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Campaign createCampaign(CampaignForm form) {
        boolean yearly = Boolean.TRUE.equals(form.yearly());
        if (yearly && (form.startsAt() == null || form.endsAt() == null)) {
            throw invalid("startsAt", "a yearly campaign needs startsAt and endsAt");
        }
        if (!yearly && form.startsAt() != null && form.endsAt() != null && !form.endsAt().isAfter(form.startsAt())) {
            throw invalid("endsAt", "must be after startsAt");
        }
        if (Campaign.count("name", form.name().trim()) > 0) {
            throw new WebApplicationException(Problem.of(409, "Conflict", "A campaign with this name exists")
                    .withErrors(List.of(new Problem.FieldError("name", "already exists"))).toResponse());
        }
        Campaign c = new Campaign();
        c.name = form.name().trim();
        c.theme = form.theme() == null || form.theme().isBlank() ? "everyday" : form.theme().trim();
        c.startsAt = form.startsAt();
        c.endsAt = form.endsAt();
        c.yearly = yearly;
        c.priority = form.priority() == null ? 0 : form.priority();
        c.paused = Boolean.TRUE.equals(form.paused());
        c.persist();
        refresh();
        return c;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Campaign setPaused(long campaignId, boolean paused) {
        Campaign c = campaign(campaignId);
        c.paused = paused;
        refresh();
        return c;
    }

    public Campaign campaign(long id) {
        Campaign c = Campaign.findById(id);
        if (c == null) {
            throw new NotFoundException("No campaign " + id);
        }
        return c;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Ad createAd(long campaignId, AdForm form) {
        Campaign campaign = campaign(campaignId);
        if (!LocalPath.isLocal(form.targetPath())) {
            throw invalid("targetPath", "must be a path on this shop, such as /t/categories/mugs");
        }
        if (!Banner.supports(form.contentType())) {
            throw invalid("contentType", "must be image/svg+xml, image/png, image/jpeg, image/webp or image/gif");
        }
        byte[] image;
        try {
            image = Base64.getDecoder().decode(form.imageBase64());
        } catch (IllegalArgumentException e) {
            throw invalid("imageBase64", "is not valid base64");
        }
        if (image.length == 0 || image.length > MAX_IMAGE_BYTES) {
            throw invalid("imageBase64", "must hold an image of 1 byte to 512 KiB");
        }
        if (Ad.count("bannerName", form.bannerName()) > 0) {
            throw new WebApplicationException(Problem.of(409, "Conflict", "A banner with this name exists")
                    .withErrors(List.of(new Problem.FieldError("bannerName", "already exists"))).toResponse());
        }
        Ad ad = new Ad();
        ad.campaign = campaign;
        ad.title = form.title().trim();
        ad.altText = form.altText().trim();
        ad.targetPath = form.targetPath();
        ad.weight = form.weight() == null ? 1 : form.weight();
        ad.taxonPermalink = form.taxonPermalink();
        ad.bannerName = form.bannerName();
        ad.persist();
        Banner banner = new Banner();
        banner.adId = ad.id;
        banner.contentType = form.contentType();
        banner.content = image;
        banner.persist();
        Banner.getEntityManager().flush();
        Banner.getEntityManager().refresh(banner);
        refresh();
        return ad;
    }

    @SuppressWarnings("unchecked")
    Map<Long, String> imageUrls(List<Long> adIds) {
        List<Object[]> rows = Banner.getEntityManager()
                .createQuery("select b.adId, b.sha256, b.contentType from Banner b where b.adId in :ids")
                .setParameter("ids", adIds).getResultList();
        Map<Long, String> urls = new HashMap<>();
        for (Object[] r : rows) {
            urls.put((Long) r[0], Banner.url((Long) r[0], (String) r[1], (String) r[2]));
        }
        return urls;
    }

    private static WebApplicationException invalid(String field, String message) {
        return new WebApplicationException(Problem.of(400, "Bad Request", "The request is not valid")
                .withErrors(List.of(new Problem.FieldError(field, message))).toResponse());
    }
}
