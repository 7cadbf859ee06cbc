package dev.mirshop.storefront.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Looks ids up in a directory's snapshot ({@link TaxonDirectory}, {@link OptionValueDirectory}): when one of them is
 * newer than the snapshot, the directory forgets it and reads it again first, so what was added since shows at once;
 * an id deleted since is left out.
 */
final class DirectoryLookup {

    private DirectoryLookup() {
    }

    static <V> List<V> known(Collection<Integer> ids, Supplier<Map<Integer, V>> current, Runnable forget) {
        Map<Integer, V> byId = current.get();
        if (!byId.keySet().containsAll(ids)) {
            forget.run();
            byId = current.get();
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
