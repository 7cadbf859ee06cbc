package dev.mirshop.storefront.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The ids of the size and color values, by name, reused for a minute like the menu (values change rarely). Listing
 * filters are sent to PostgreSQL as these ids, never as a lookup inside the statement: with the values in hand it
 * estimates how many products a filter keeps and picks the plan that reads least (an index in the sort's order for
 * a common color, the matching rows for a rare one).
 */
@ApplicationScoped
public class OptionIds {

    private static final long TTL_NANOS = Duration.ofSeconds(60).toNanos();

    private record Snapshot(Map<String, Map<String, Integer>> byType, long loadedAt) {
    }

    @Inject
    CatalogQueries catalog;

    private volatile Snapshot snapshot;

    /** The ids of these values of an option type; a value the catalog does not have has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> of(String type, List<String> names) {
        Map<String, Integer> values = current().byType().getOrDefault(type, Map.of());
        return names.stream().map(values::get).filter(Objects::nonNull).toList();
    }

    /** The next filter reads the values again (after a generated demo catalog added some). */
    public void forget() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > TTL_NANOS) {
            List<Object[]> rows = catalog.optionValues();
            current = new Snapshot(rows.stream().collect(Collectors.groupingBy(r -> (String) r[0],
                    Collectors.toMap(r -> (String) r[1], r -> ((Number) r[2]).intValue()))), System.nanoTime());
            snapshot = current;
        }
        return current;
    }
}
