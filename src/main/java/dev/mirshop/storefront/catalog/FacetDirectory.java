package dev.mirshop.storefront.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.mirshop.platform.cache.RefreshAhead;
import dev.mirshop.storefront.catalog.ProductDetails.OptionData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The sizes and colors a listing offers, each with how many of its products have it, and its products in all,
 * without a statement per page (that statement was a quarter of a listing's time in PostgreSQL; docs/performance.md).
 * <ul>
 * <li>Each taxon's precomputed counts (listing_facet_counts, kept by the write path) are read on its first listing
 * and reused: once older than {@value #TTL_SECONDS} s, a worker thread reads them again while pages go on with the
 * last ones ({@link RefreshAhead}). Only catalog edits change them, never an order (stock is not a facet); the
 * demo catalog's generator has them read again at once ({@link #forget}), an edit made elsewhere shows within the
 * seconds, as the page caches do.</li>
 * <li>Those counts hold every product, so the products not yet available are subtracted, as of each page's own
 * instant of the shop's clock. They are few (a product announced ahead of its date), read together and reused the
 * same way; read as of a minute before they were read, they serve every later instant, and a clock set back further
 * reads them again.</li>
 * </ul>
 * Names and order of the values come from {@link OptionValueDirectory}.
 */
@ApplicationScoped
public class FacetDirectory {

    static final int TTL_SECONDS = 10;
    private static final Duration TTL = Duration.ofSeconds(TTL_SECONDS);
    private static final Duration UPCOMING_MARGIN = Duration.ofMinutes(1);
    /** The option types a listing filters by. */
    private static final Set<String> FACET_TYPES = Set.of("size", "color");

    /** A product not yet available when read: when it will be, its taxons and its option value ids. */
    record Upcoming(Instant availableOn, int[] taxonIds, int[] optionValueIds) {

        boolean listedUnder(int taxonId) {
            if (taxonId == CatalogQueries.ALL_PRODUCTS) {
                return true;
            }
            for (int id : taxonIds) {
                if (id == taxonId) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Every product not yet available at {@code asOf}: it serves any instant from then on. */
    private record UpcomingProducts(List<Upcoming> products, Instant asOf) {
    }

    @Inject
    CatalogQueries catalog;
    @Inject
    OptionValueDirectory optionValues;
    @Inject
    Clock clock;

    /** Each taxon's counts by option value id (0: its products in all), read again in the background (RefreshAhead). */
    private final Map<Integer, RefreshAhead<Map<Integer, Long>>> counts = new ConcurrentHashMap<>();
    private final RefreshAhead<UpcomingProducts> upcoming = new RefreshAhead<>("The products not yet available", TTL,
            () -> {
                // a little before now, so that the pages that asked just before this read are served by it too
                Instant asOf = clock.instant().minus(UPCOMING_MARGIN);
                return new UpcomingProducts(List.copyOf(catalog.upcoming(asOf)), asOf);
            });

    /** The facets of a taxon's listing (0: every product) as of now. Blocks when its counts are not in memory. */
    public OptionFacets facets(int taxonId) {
        Instant now = clock.instant();
        Map<Integer, Long> visible = new HashMap<>(counts(taxonId));
        for (Upcoming product : upcoming(now)) {
            if (product.availableOn().isAfter(now) && product.listedUnder(taxonId)) {
                visible.merge(0, -1L, Long::sum);
                for (int valueId : product.optionValueIds()) {
                    visible.merge(valueId, -1L, Long::sum);
                }
            }
        }
        long products = Math.max(0, visible.getOrDefault(0, 0L));
        visible.remove(0);
        visible.values().removeIf(count -> count <= 0);
        Map<String, OptionFacets.Type> types = new LinkedHashMap<>();
        for (OptionValueDirectory.Value value : optionValues.inOrder(visible.keySet())) {
            OptionData data = value.data();
            if (FACET_TYPES.contains(data.typeName())) {
                types.computeIfAbsent(data.typeName(), k -> new OptionFacets.Type(k, data.typePresentation(), new ArrayList<>()))
                        .values().add(new OptionFacets.Value(data.name(), data.presentation(), visible.get(value.id())));
            }
        }
        return new OptionFacets(products, types.values().stream()
                .map(t -> new OptionFacets.Type(t.name(), t.presentation(), List.copyOf(t.values()))).toList());
    }

    /** The next listings read their counts and the upcoming products again (after the catalog was generated). */
    public void forget() {
        counts.clear();
        upcoming.forget();
    }

    private Map<Integer, Long> counts(int taxonId) {
        return counts.computeIfAbsent(taxonId, id -> new RefreshAhead<>("The facet counts of taxon " + id, TTL,
                () -> Map.copyOf(catalog.facetCounts(id)))).get();
    }

    private List<Upcoming> upcoming(Instant now) {
        UpcomingProducts known = upcoming.get();
        if (now.isBefore(known.asOf())) {
            // read as of a later instant than this page's (a clock set back): it may miss products upcoming now
            upcoming.forget();
            known = upcoming.get();
        }
        return known.products();
    }
}
