package dev.mirshop.storefront.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.mirshop.platform.cache.RefreshAhead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.mirshop.storefront.catalog.ProductDetails.OptionData;

/**
 * Every option value with its type, read in one statement and reused like the taxons, read again in the background
 * once a minute old (values change rarely).
 * <ul>
 * <li>Listing filters are sent to PostgreSQL as the ids of their size and color values, never as a lookup inside
 * the statement: with the values in hand it estimates how many products a filter keeps and picks the plan that reads
 * least (an index in the sort's order for a common color, the matching rows for a rare one).</li>
 * <li>A product page reads only its variants' value ids, and a listing's facets only their value ids, and both take
 * names and order from here: joining the values and types for every variant was most of the product statement's
 * work (docs/performance.md).</li>
 * </ul>
 * A value id the snapshot does not know is read again at once, so a value added since shows on its first page.
 */
@ApplicationScoped
public class OptionValueDirectory {

    /** A value with its type's id, which orders types of equal position. */
    record Value(int id, int typeId, OptionData data) {
    }

    private record Snapshot(Map<String, Map<String, Integer>> idsByType, Map<Integer, Value> byId) {

        static Snapshot of(List<Value> values) {
            Map<String, Map<String, Integer>> idsByType = values.stream().collect(Collectors.groupingBy(
                    v -> v.data().typeName(), Collectors.toMap(v -> v.data().name(), Value::id, (a, b) -> a)));
            Map<Integer, Value> byId = values.stream().collect(Collectors.toMap(Value::id, v -> v));
            return new Snapshot(idsByType, byId);
        }
    }

    private static final Comparator<Value> TYPE_ORDER = Comparator
            .<Value>comparingInt(v -> v.data().typePosition()).thenComparingInt(Value::typeId);
    private static final Comparator<Value> VALUE_ORDER = TYPE_ORDER.thenComparingInt(v -> v.data().position())
            .thenComparingInt(Value::id);

    @Inject
    CatalogQueries catalog;

    /** Read again in the background once a minute old (RefreshAhead). */
    private final RefreshAhead<Snapshot> snapshot = new RefreshAhead<>("The option values", Duration.ofSeconds(60),
            () -> Snapshot.of(catalog.optionValues()));

    /** The ids of these values of an option type; a value the catalog does not have has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> ids(String type, List<String> names) {
        Map<String, Integer> values = current().idsByType().getOrDefault(type, Map.of());
        return names.stream().map(values::get).filter(Objects::nonNull).toList();
    }

    /** A variant's values keyed by type name, in type order; a value deleted since it was read is left out. */
    Map<String, OptionData> options(Collection<Integer> valueIds) {
        Map<String, OptionData> options = new LinkedHashMap<>();
        known(valueIds).stream().sorted(TYPE_ORDER).forEach(v -> options.putIfAbsent(v.data().typeName(), v.data()));
        return options;
    }

    /** These values in type order, then value order (position, then id); a value deleted since is left out. */
    List<Value> inOrder(Collection<Integer> valueIds) {
        return known(valueIds).stream().sorted(VALUE_ORDER).toList();
    }

    private List<Value> known(Collection<Integer> valueIds) {
        return DirectoryLookup.known(valueIds, () -> current().byId(), this::forget);
    }

    /** The next request reads the values again (after a generated demo catalog added some). */
    public void forget() {
        snapshot.forget();
    }

    private Snapshot current() {
        return snapshot.get();
    }
}
