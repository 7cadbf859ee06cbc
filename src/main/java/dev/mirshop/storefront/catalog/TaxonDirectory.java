package dev.mirshop.storefront.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every taxon (categories and brands), read in one statement and reused for a minute (taxons change rarely; orders,
 * which drop the page caches, do not change them): a few hundred small rows, which a listing page and the menu
 * would otherwise read again for every page. A permalink the snapshot does not know is read from the database, so a
 * taxon added since shows at once; a renamed one shows under its new name within the minute.
 */
@ApplicationScoped
public class TaxonDirectory {

    private static final long TTL_NANOS = Duration.ofSeconds(60).toNanos();

    /** The taxons in menu order (position, then name), by permalink, and their direct children in that order. */
    record Snapshot(List<TaxonNode> ordered, Map<String, TaxonNode> byPermalink, Map<String, List<TaxonNode>> children,
            Map<Integer, TaxonNode> byId, long loadedAt, boolean loaded) {

        static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), Map.of(), Map.of(), 0, false);

        static Snapshot of(List<TaxonNode> ordered) {
            Map<String, TaxonNode> byPermalink = new LinkedHashMap<>();
            Map<String, List<TaxonNode>> children = new LinkedHashMap<>();
            Map<Integer, TaxonNode> byId = new HashMap<>();
            for (TaxonNode taxon : ordered) {
                byPermalink.put(taxon.permalink(), taxon);
                byId.put(taxon.id(), taxon);
                int slash = taxon.permalink().lastIndexOf('/');
                if (slash > 0) {
                    children.computeIfAbsent(taxon.permalink().substring(0, slash), k -> new ArrayList<>()).add(taxon);
                }
            }
            children.replaceAll((parent, nodes) -> List.copyOf(nodes));
            return new Snapshot(List.copyOf(ordered), Map.copyOf(byPermalink), Map.copyOf(children), Map.copyOf(byId),
                    System.nanoTime(), true);
        }
    }

    @Inject
    CatalogQueries catalog;

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /** The taxon with its chain of ancestors and its direct children; empty when there is no such taxon. Blocks. */
    public Optional<TaxonTree> tree(String permalink) {
        Snapshot taxons = current();
        TaxonNode self = taxons.byPermalink().get(permalink);
        if (self == null) {
            return catalog.taxonTree(permalink);
        }
        List<TaxonNode> chain = CatalogQueries.chain(permalink).stream().map(taxons.byPermalink()::get)
                .filter(Objects::nonNull).toList();
        return Optional.of(new TaxonTree(self, chain, taxons.children().getOrDefault(permalink, List.of())));
    }

    /**
     * A product's category, from its taxon ids: its deepest taxon under Categories, else its deepest other taxon
     * that is not a brand (equal depths: the lowest id). Blocks.
     */
    public Optional<TaxonNode> categoryOf(List<Integer> taxonIds) {
        return known(taxonIds).stream().filter(t -> !isBrand(t)).min(CATEGORY_FIRST);
    }

    /** A product's brand, from its taxon ids: the brand taxon with the lowest id. Blocks. */
    public Optional<TaxonNode> brandOf(List<Integer> taxonIds) {
        return known(taxonIds).stream().filter(TaxonDirectory::isBrand).min(Comparator.comparingInt(TaxonNode::id));
    }

    private static final Comparator<TaxonNode> CATEGORY_FIRST = Comparator
            .<TaxonNode, Boolean>comparing(t -> !t.permalink().startsWith("categories/"))
            .thenComparingInt(t -> -t.permalink().length()).thenComparingInt(TaxonNode::id);

    private static boolean isBrand(TaxonNode taxon) {
        return taxon.permalink().startsWith("brands/");
    }

    private List<TaxonNode> known(List<Integer> taxonIds) {
        return DirectoryLookup.known(taxonIds, () -> current().byId(), this::forget);
    }

    /** The current taxons, read again once forgotten or when the minute is over. Blocks. */
    Snapshot current() {
        Snapshot current = snapshot;
        return fresh(current) ? current : reload();
    }

    /** The taxons last read, without reading them (for a page rendered on an I/O thread, which must not block). */
    Snapshot lastLoaded() {
        return snapshot;
    }

    /** The next page reads the taxons again (after the catalog's taxons changed, e.g. a generated demo catalog). */
    public void forget() {
        Snapshot last = snapshot;
        snapshot = new Snapshot(last.ordered(), last.byPermalink(), last.children(), last.byId(), 0, false);
    }

    private static boolean fresh(Snapshot snapshot) {
        return snapshot.loaded() && System.nanoTime() - snapshot.loadedAt() <= TTL_NANOS;
    }

    /** One read for the requests that find the snapshot stale at once, not one each. */
    private synchronized Snapshot reload() {
        Snapshot current = snapshot;
        if (fresh(current)) {
            return current;
        }
        Snapshot loaded = Snapshot.of(catalog.taxons());
        snapshot = loaded;
        return loaded;
    }
}
