package dev.mirshop.storefront.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

/**
 * The category menu shown on every page ({@code cdi:catalogMenu.forLayout} in base.html): one query, reused for a
 * minute (taxons change rarely). The last menu stays readable without a database call, for pages rendered on an
 * I/O thread (an error page answered before any resource ran).
 */
@Named("catalogMenu")
@ApplicationScoped
public class CatalogMenu {

    private static final long TTL_NANOS = Duration.ofSeconds(60).toNanos();

    public record MenuItem(String name, String permalink, String icon, List<MenuItem> children) {
        public String url() {
            return "/t/" + permalink;
        }
    }

    /** {@code loadedAt} from System.nanoTime(): only the time elapsed since counts, never the time of day. */
    private record Snapshot(List<MenuItem> items, Map<String, String> names, long loadedAt, boolean loaded) {
    }

    @Inject
    CatalogQueries catalog;

    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), 0, false);

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MenuItem> categories() {
        return current().items();
    }

    /** The name of a taxon under Categories (or of Categories itself), from the cached menu. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> nameOf(String permalink) {
        return Optional.ofNullable(current().names().get(permalink));
    }

    /** The next page reads the menu again (after the catalog's taxons changed, e.g. a generated demo catalog). */
    public void forget() {
        Snapshot current = snapshot;
        snapshot = new Snapshot(current.items(), current.names(), 0, false);
    }

    /** For the layout: the current menu, except on an I/O thread, which must not block: there the last loaded. */
    public List<MenuItem> forLayout() {
        return Context.isOnEventLoopThread() ? snapshot.items() : current().items();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (!current.loaded() || System.nanoTime() - current.loadedAt() > TTL_NANOS) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    private Snapshot load() {
        Map<String, List<MenuItem>> childrenByParent = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Object[]> topLevel = new ArrayList<>();
        for (Object[] t : catalog.menuTaxons()) {
            String name = (String) t[0];
            String permalink = (String) t[1];
            names.put(permalink, name);
            String[] parts = permalink.split("/");
            if (parts.length == 2) {
                topLevel.add(t);
            } else if (parts.length == 3) {
                childrenByParent.computeIfAbsent(parts[0] + "/" + parts[1], k -> new ArrayList<>())
                        .add(new MenuItem(name, permalink, (String) t[2], List.of()));
            }
        }
        List<MenuItem> items = topLevel.stream().map(t -> new MenuItem((String) t[0], (String) t[1], (String) t[2],
                childrenByParent.getOrDefault((String) t[1], List.of()))).toList();
        return new Snapshot(items, Map.copyOf(names), System.nanoTime(), true);
    }
}
