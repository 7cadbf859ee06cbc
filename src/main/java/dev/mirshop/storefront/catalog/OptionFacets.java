package dev.mirshop.storefront.catalog;

import java.time.Duration;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * The size and color values a listing can filter by: those of the available products of a taxon (and its
 * descendants), or of the whole catalog. One query per taxon, reused for a minute like the menu.
 */
@ApplicationScoped
public class OptionFacets {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final String ALL = "";
    /** Taxons are few; the bound only guards memory should that ever change. */
    private static final int MAX_CACHED = 1_000;

    public record Value(String name, String presentation) {
    }

    public record Type(String name, String presentation, List<Value> values) {
    }

    private record Snapshot(List<Type> types, long loadedAtNanos) {
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();

    /** @param permalink a known taxon's permalink, or null for the whole catalog */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Type> types(String permalink) {
        String key = permalink == null ? ALL : permalink;
        Snapshot current = cache.get(key);
        if (current == null || System.nanoTime() - current.loadedAtNanos() > TTL.toNanos()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            current = new Snapshot(load(permalink), System.nanoTime());
            cache.put(key, current);
        }
        return current.types();
    }

    private List<Type> load(String permalink) {
        Query query = em.createNativeQuery("""
                select ot.name, ot.presentation, ov.name, ov.presentation
                from option_types ot join option_values ov on ov.option_type_id = ot.id
                where ot.name in ('size', 'color')
                  and exists (select 1 from variants_option_values vov join variants v on v.id = vov.variant_id
                              join products p on p.id = v.product_id
                              where vov.option_value_id = ov.id""" + " and " + CatalogQueries.AVAILABLE
                + (permalink == null ? "" : " and " + CatalogQueries.IN_TAXON) + """
                )
                order by ot.position, ot.id, ov.position, ov.id
                """);
        query.setParameter("now", OffsetDateTime.now(clock));
        if (permalink != null) {
            query.setParameter("permalink", permalink).setParameter("permalinkPrefix", permalink + "/%");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Type> types = new LinkedHashMap<>();
        for (Object[] r : rows) {
            types.computeIfAbsent((String) r[0], k -> new Type(k, (String) r[1], new ArrayList<>()))
                    .values().add(new Value((String) r[2], (String) r[3]));
        }
        return types.values().stream().map(t -> new Type(t.name(), t.presentation(), List.copyOf(t.values()))).toList();
    }
}
