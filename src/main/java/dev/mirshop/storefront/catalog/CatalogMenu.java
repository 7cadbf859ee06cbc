package dev.mirshop.storefront.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mirshop.platform.web.WorkerThread;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The category menu shown on every page: one query, reused for a minute (taxons change rarely). The last
 * menu stays readable without a database call, for pages rendered on an I/O thread (the 404 of an unknown path).
 */
@ApplicationScoped
public class CatalogMenu {

    private static final Duration TTL = Duration.ofSeconds(60);

    public record MenuItem(String name, String permalink, String icon, List<MenuItem> children) {
        public String url() {
            return "/t/" + permalink;
        }
    }

    private record Snapshot(List<MenuItem> items, Map<String, String> names, long loadedAtNanos) {
    }

    private static final Snapshot NOT_LOADED = new Snapshot(List.of(), Map.of(), 0);

    private volatile Snapshot snapshot = NOT_LOADED;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MenuItem> categories() {
        return current().items();
    }

    /** The name of a taxon under Categories (or of Categories itself), from the cached menu. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> nameOf(String permalink) {
        return Optional.ofNullable(current().names().get(permalink));
    }

    /** The menu as last loaded, possibly empty; never touches the database. */
    public List<MenuItem> lastLoaded() {
        return snapshot.items();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == NOT_LOADED || System.nanoTime() - current.loadedAtNanos() > TTL.toNanos()) {
            if (WorkerThread.mustNotBlock()) {
                throw WorkerThread.needsWorker();
            }
            current = load();
            snapshot = current;
        }
        return current;
    }

    private Snapshot load() {
        List<Taxon> taxons = Taxon.<Taxon>find(
                "from Taxon t where t.permalink = 'categories' or t.permalink like 'categories/%' order by t.position, t.name").list();
        Map<String, List<MenuItem>> childrenByParent = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Taxon> topLevel = new ArrayList<>();
        for (Taxon t : taxons) {
            names.put(t.permalink, t.name);
            String[] parts = t.permalink.split("/");
            if (parts.length == 2) {
                topLevel.add(t);
            } else if (parts.length == 3) {
                childrenByParent.computeIfAbsent(parts[0] + "/" + parts[1], k -> new ArrayList<>())
                        .add(new MenuItem(t.name, t.permalink, t.icon, List.of()));
            }
        }
        List<MenuItem> items = topLevel.stream()
                .map(t -> new MenuItem(t.name, t.permalink, t.icon, childrenByParent.getOrDefault(t.permalink, List.of())))
                .toList();
        return new Snapshot(items, Map.copyOf(names), System.nanoTime());
    }
}
