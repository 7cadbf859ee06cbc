package dev.mirshop.storefront.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The category menu shown on every page: one query, reused for a minute (taxons change rarely). The last
 * menu stays readable without a database call, for pages rendered on an I/O thread (the 404 of an unknown path).
 */
@ApplicationScoped
public class CatalogMenu {

    private static final Duration TTL = Duration.ofSeconds(60);

    public record MenuItem(String name, String permalink, List<MenuItem> children) {
    }

    private record Snapshot(List<MenuItem> items, Instant loadedAt) {
    }

    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.EPOCH);

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MenuItem> categories() {
        Snapshot current = snapshot;
        if (current.loadedAt().plus(TTL).isBefore(Instant.now())) {
            current = new Snapshot(load(), Instant.now());
            snapshot = current;
        }
        return current.items();
    }

    /** The menu as last loaded, possibly empty; never touches the database. */
    public List<MenuItem> lastLoaded() {
        return snapshot.items();
    }

    private List<MenuItem> load() {
        List<Taxon> taxons = Taxon.<Taxon>find(
                "from Taxon t where t.permalink like 'categories/%' order by t.position, t.name").list();
        Map<String, List<MenuItem>> childrenByParent = new LinkedHashMap<>();
        List<Taxon> topLevel = new ArrayList<>();
        for (Taxon t : taxons) {
            String[] parts = t.permalink.split("/");
            if (parts.length == 2) {
                topLevel.add(t);
            } else if (parts.length == 3) {
                childrenByParent.computeIfAbsent(parts[0] + "/" + parts[1], k -> new ArrayList<>())
                        .add(new MenuItem(t.name, t.permalink, List.of()));
            }
        }
        return topLevel.stream()
                .map(t -> new MenuItem(t.name, t.permalink, childrenByParent.getOrDefault(t.permalink, List.of())))
                .toList();
    }
}
