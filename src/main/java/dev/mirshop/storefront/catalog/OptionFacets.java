package dev.mirshop.storefront.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The size and color values a listing can filter by: one query, reused for a minute like the menu. */
@ApplicationScoped
public class OptionFacets {

    private static final Duration TTL = Duration.ofSeconds(60);
    static final List<String> FILTERABLE = List.of("size", "color");

    public record Value(String name, String presentation) {
    }

    public record Type(String name, String presentation, List<Value> values) {
    }

    private record Snapshot(List<Type> types, Instant loadedAt) {
    }

    @Inject
    EntityManager em;

    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.EPOCH);

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Type> types() {
        Snapshot current = snapshot;
        if (current.loadedAt().plus(TTL).isBefore(Instant.now())) {
            current = new Snapshot(load(), Instant.now());
            snapshot = current;
        }
        return current.types();
    }

    private List<Type> load() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select ot.name, ot.presentation, ov.name, ov.presentation
                from option_types ot join option_values ov on ov.option_type_id = ot.id
                where ot.name in ('size', 'color')
                  and exists (select 1 from variants_option_values vov join variants v on v.id = vov.variant_id
                              join products p on p.id = v.product_id
                              where vov.option_value_id = ov.id and p.available_on <= now())
                order by ot.position, ot.id, ov.position, ov.id
                """).getResultList();
        Map<String, Type> types = new LinkedHashMap<>();
        for (Object[] r : rows) {
            types.computeIfAbsent((String) r[0], k -> new Type(k, (String) r[1], new ArrayList<>()))
                    .values().add(new Value((String) r[2], (String) r[3]));
        }
        return types.values().stream().map(t -> new Type(t.name(), t.presentation(), List.copyOf(t.values()))).toList();
    }
}
