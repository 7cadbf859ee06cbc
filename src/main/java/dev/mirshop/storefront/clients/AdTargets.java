package dev.mirshop.storefront.clients;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A page's ad context: the taxons some ad targets that the page's taxons fall under (a target, or a taxon below it:
 * the rule of ads.Ad#targetsAny, which this package may not import, so the two must change together),
 * not all of the page's taxons. The ad service chooses only by which targets a page matches (ads.AdSelector), so two
 * pages that match the same targets get the same choice and can share one batch of draws ({@link AdDraws}): a
 * catalog of 100,000 products, each with its own taxons, needs a few contexts instead of one per product.
 * <p>
 * The targets come from the ad service (GET /api/ads/targets) and are asked for again every {@link #REFRESH}, in
 * the background, by the first page that finds them older: a new campaign's targets count within that. Until a
 * first list arrives, or when the service cannot give one, a page's context is all of its taxons, which the service
 * reads just as well.
 */
@ApplicationScoped
class AdTargets {

    private static final Logger LOG = Logger.getLogger(AdTargets.class);
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    @Inject
    @RestClient
    AdsApi api;

    private volatile Optional<List<String>> targets = Optional.empty();
    private volatile long askAgainAt;
    private volatile boolean asked;
    private final AtomicBoolean asking = new AtomicBoolean();
    /** Ages are measured on the monotonic clock; tests move it ({@link #ticker(LongSupplier)}). */
    private volatile LongSupplier ticker = System::nanoTime;

    /** The context key of a page about these taxons: the targets they fall under, sorted and comma-separated. */
    String contextOf(List<String> taxonPermalinks) {
        TreeSet<String> taxons = AdClient.taxons(taxonPermalinks);
        Optional<List<String>> known = current();
        if (known.isEmpty()) {
            return String.join(",", taxons);
        }
        TreeSet<String> matched = new TreeSet<>();
        for (String target : known.get()) {
            for (String taxon : taxons) {
                if (taxon.equals(target) || taxon.startsWith(target + "/")) {
                    matched.add(target);
                    break;
                }
            }
        }
        return String.join(",", matched);
    }

    private Optional<List<String>> current() {
        long now = ticker.getAsLong();
        if ((!asked || now - askAgainAt >= 0) && asking.compareAndSet(false, true)) {
            asked = true;
            askAgainAt = now + REFRESH.toNanos();
            api.targets().ifNoItem().after(ANSWER_WITHIN).fail()
                    .subscribe().with(list -> {
                        // a malformed answer keeps the last list; nothing here may throw, or no page would ask again
                        if (list != null && list.taxons() != null) {
                            targets = Optional.of(list.taxons().stream().filter(Objects::nonNull).toList());
                        }
                        asking.set(false);
                    }, failure -> {
                        LOG.debugf("Ad targets unavailable (%s); keeping %s", failure.toString(),
                                targets.map(t -> t.size() + " known").orElse("full contexts"));
                        asking.set(false);
                    });
        }
        return targets;
    }

    /** For tests: the monotonic clock ages are measured on. */
    void ticker(LongSupplier ticker) {
        this.ticker = ticker;
    }

    /** For tests: forget the list, so the next page asks for it. */
    void forget() {
        targets = Optional.empty();
        asked = false;
    }
}
