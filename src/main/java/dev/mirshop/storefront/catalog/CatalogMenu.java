package dev.mirshop.storefront.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

/**
 * The category menu shown on every page ({@code cdi:catalogMenu.layoutHtml} in base.html): the categories of the
 * {@link TaxonDirectory}'s snapshot, built and rendered once per snapshot, since it is the same for every shopper
 * and every page (rendered on every page, it was a fifth of a product page's rendering). The last menu stays
 * readable without a database call, for pages rendered on an I/O thread (an error page answered before any resource
 * ran).
 */
@Named("catalogMenu")
@ApplicationScoped
public class CatalogMenu {

    public record MenuItem(String name, String permalink, String icon, List<MenuItem> children) {
        public String url() {
            return "/t/" + permalink;
        }
    }

    /** The menu built from one snapshot of the taxons. */
    private record Menu(TaxonDirectory.Snapshot source, List<MenuItem> items, Map<String, String> names) {
    }

    /** A menu's markup. */
    private record Rendered(Menu menu, RawString html) {
    }

    @Inject
    TaxonDirectory taxons;
    @Location("catalog/categoryMenu")
    Template menuTemplate;

    private volatile Menu menu = build(TaxonDirectory.Snapshot.EMPTY);
    private volatile Rendered rendered;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MenuItem> categories() {
        return of(taxons.current()).items();
    }

    /** The name of a taxon under Categories (or of Categories itself), from the cached menu. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> nameOf(String permalink) {
        return Optional.ofNullable(of(taxons.current()).names().get(permalink));
    }

    /**
     * For the layout: the current menu's markup, except on an I/O thread, which must not block: there the last loaded.
     * Two pages that find it new at once both render it, the same markup.
     */
    public RawString layoutHtml() {
        Menu current = of(Context.isOnEventLoopThread() ? taxons.lastLoaded() : taxons.current());
        Rendered known = rendered;
        if (known == null || known.menu() != current) {
            known = new Rendered(current, new RawString(menuTemplate.data("items", current.items()).render()));
            rendered = known;
        }
        return known.html();
    }

    private Menu of(TaxonDirectory.Snapshot snapshot) {
        Menu current = menu;
        if (current.source() != snapshot) {
            current = build(snapshot);
            menu = current;
        }
        return current;
    }

    private static Menu build(TaxonDirectory.Snapshot snapshot) {
        Map<String, List<MenuItem>> childrenByParent = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<TaxonNode> topLevel = new ArrayList<>();
        for (TaxonNode t : snapshot.ordered()) {
            if (!t.permalink().equals("categories") && !t.permalink().startsWith("categories/")) {
                continue;
            }
            names.put(t.permalink(), t.name());
            String[] parts = t.permalink().split("/");
            if (parts.length == 2) {
                topLevel.add(t);
            } else if (parts.length == 3) {
                childrenByParent.computeIfAbsent(parts[0] + "/" + parts[1], k -> new ArrayList<>())
                        .add(new MenuItem(t.name(), t.permalink(), t.icon(), List.of()));
            }
        }
        List<MenuItem> items = topLevel.stream().map(t -> new MenuItem(t.name(), t.permalink(), t.icon(),
                childrenByParent.getOrDefault(t.permalink(), List.of()))).toList();
        return new Menu(snapshot, items, Map.copyOf(names));
    }
}
