package dev.mirshop.storefront.catalog;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The model of a listing page (a taxon page or /products): the cards, and every link of the page already
 * built from the query, so the template only prints.
 */
public record ListingView(String title, String metaDescription, String basePath, String intro,
        List<Link> breadcrumbs, List<Link> subcategories, ListingQuery query, ListingPage page,
        List<FacetGroup> facets, List<SortLink> sorts, List<Link> activeFilters, String clearFiltersUrl,
        Pagination pagination, List<CatalogMenu.MenuItem> suggestions, Correction correction) {

    /** A listing as every shopper sees it: where (/products or /t/...) and the parsed query. */
    public record Key(String basePath, ListingQuery query) {
    }

    /** The key of this listing's HTML in Qute's {#cached} sections: whatever the page shows follows from it. */
    public String fragmentKey() {
        return basePath + '|' + query + '|' + correction;
    }

    /**
     * {@code param}: the query parameter the option sets (size, color; here rather than on its group, so that the
     * template finds it in the option's own loop); {@code products}: how many products of the listing have this value, or null where no
     * count is shown.
     */
    public record FacetOption(String param, String value, String label, boolean checked, String toggleUrl, Long products) {
    }

    /** Keywords that matched nothing, and the corrected ones ("Did you mean") whose results the page shows. */
    public record Correction(String asked, String corrected, String url) {
    }

    /** An option type's values; each option names the parameter it sets ({@link FacetOption#param}). */
    public record FacetGroup(String label, List<FacetOption> options) {
    }

    public record SortLink(String value, String label, boolean selected, String url) {
    }

    public record PageLink(int number, String url, boolean current) {
    }

    public record Pagination(String previousUrl, String nextUrl, List<PageLink> pages) {
        public boolean needed() {
            return pages.size() > 1;
        }
    }

    public boolean empty() {
        return page.cards().isEmpty();
    }

    public String keywords() {
        return query.keywords() == null ? "" : query.keywords();
    }

    public String minPrice() {
        return query.minPrice() == null ? "" : query.minPrice().toPlainString();
    }

    public String maxPrice() {
        return query.maxPrice() == null ? "" : query.maxPrice().toPlainString();
    }

    public String resultSummary() {
        long total = page.total();
        if (total == 0) {
            return "No products";
        }
        String products = (page.more() ? "more than " : "") + number(total) + (total == 1 && !page.more() ? " product" : " products");
        if (page.cards().isEmpty()) {
            return products;
        }
        int from = (page.page() - 1) * ListingQuery.PAGE_SIZE + 1;
        int to = from + page.cards().size() - 1;
        return (total <= ListingQuery.PAGE_SIZE && !page.more() ? "" : from + "–" + to + " of ") + products;
    }

    /** Only the first pages of a long listing are shown: says so on the last of them. */
    public boolean lastReachablePage() {
        return page.page() == page.maxPage() && (page.more() || page.total() > (long) page.maxPage() * ListingQuery.PAGE_SIZE);
    }

    public int maxPage() {
        return page.maxPage();
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /**
     * Builds the page model from what the queries returned. Facet counts are shown on a listing that is neither
     * filtered nor a search: there each count is exactly what choosing the value lists (precomputed per taxon).
     */
    public static ListingView of(String title, String metaDescription, String basePath, String intro,
            List<Link> breadcrumbs, List<Link> subcategories, ListingQuery q, ListingPage page,
            OptionFacets facetCounts, List<CatalogMenu.MenuItem> suggestions, Correction correction) {
        boolean counted = !q.narrowed();
        List<FacetGroup> facets = new ArrayList<>();
        List<Link> active = new ArrayList<>();
        for (String typeName : List.of("size", "color")) {
            OptionFacets.Type type = facetCounts.types().stream().filter(t -> t.name().equals(typeName)).findFirst()
                    .orElse(new OptionFacets.Type(typeName, "size".equals(typeName) ? "Size" : "Color", List.of()));
            List<String> chosen = "size".equals(typeName) ? q.sizes() : q.colors();
            List<OptionFacets.Value> values = new ArrayList<>(type.values());
            // a chosen value this listing does not offer stays visible, so it can be seen and removed
            chosen.stream().filter(c -> values.stream().noneMatch(v -> v.name().equals(c)))
                    .forEach(c -> values.add(new OptionFacets.Value(c, c, 0)));
            List<FacetOption> options = new ArrayList<>();
            for (OptionFacets.Value value : values) {
                boolean checked = chosen.contains(value.name());
                String url = basePath + ListingParams.queryString(ListingParams.toggle(q, typeName, value.name()));
                options.add(new FacetOption(typeName, value.name(), value.presentation(), checked, url,
                        counted ? value.products() : null));
                if (checked) {
                    active.add(new Link(type.presentation() + ": " + value.presentation(), url));
                }
            }
            if (!options.isEmpty()) {
                facets.add(new FacetGroup(type.presentation(), options));
            }
        }
        if (q.minPrice() != null || q.maxPrice() != null) {
            String label = "Price: " + (q.minPrice() == null ? "up to $" + q.maxPrice().toPlainString()
                    : q.maxPrice() == null ? "from $" + q.minPrice().toPlainString()
                    : "$" + q.minPrice().toPlainString() + "–$" + q.maxPrice().toPlainString());
            active.add(new Link(label, basePath + ListingParams.queryString(ListingParams.withoutPrice(q))));
        }
        List<SortLink> sorts = new ArrayList<>();
        for (ListingSort sort : ListingSort.values()) {
            if (sort == ListingSort.RELEVANCE && !q.search()) {
                continue;
            }
            sorts.add(new SortLink(sort.param, sort.label, sort == q.sort(),
                    basePath + ListingParams.queryString(ListingParams.withSort(q, sort))));
        }
        String clear = basePath + ListingParams.queryString(ListingParams.withoutFilters(q));
        return new ListingView(title, metaDescription, basePath, intro, breadcrumbs, subcategories, q, page, facets,
                sorts, active, clear, pagination(basePath, q, page), suggestions, correction);
    }

    private static Pagination pagination(String basePath, ListingQuery q, ListingPage page) {
        int last = page.totalPages();
        int current = page.page();
        List<PageLink> pages = new ArrayList<>();
        for (int n = 1; n <= last; n++) {
            // first, last and a window around the current page keep the bar short on big listings
            if (n == 1 || n == last || Math.abs(n - current) <= 2) {
                pages.add(new PageLink(n, basePath + ListingParams.queryString(ListingParams.withPage(q, n)), n == current));
            }
        }
        String previous = current > 1
                ? basePath + ListingParams.queryString(ListingParams.withPage(q, Math.min(current - 1, last))) : null;
        String next = current < last ? basePath + ListingParams.queryString(ListingParams.withPage(q, current + 1)) : null;
        return new Pagination(previous, next, pages);
    }
}
