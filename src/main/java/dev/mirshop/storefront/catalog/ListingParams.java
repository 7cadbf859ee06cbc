package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the GET parameters of a listing into a {@link ListingQuery} (or a clear {@link InvalidListingRequest}),
 * and builds the links of the page back from a query, so every filter, sort and page is a shareable URL and each
 * link keeps the other parameters.
 */
public final class ListingParams {

    public static final int MAX_KEYWORDS = 200;
    private static final int MAX_VALUES = 20;
    private static final Pattern OPTION_VALUE = Pattern.compile("[a-z0-9-]{1,50}");
    private static final Pattern PRICE = Pattern.compile("\\d{1,8}(\\.\\d{1,2})?");
    private static final Pattern PAGE = Pattern.compile("\\d{1,9}");

    private ListingParams() {
    }

    /** @param params the request's query parameters (a parameter may repeat: {@code size=m&size=l}) */
    public static ListingQuery parse(Map<String, List<String>> params) {
        String keywords = keywords(first(params, "keywords"));
        List<String> sizes = optionValues(params, "size");
        List<String> colors = optionValues(params, "color");
        BigDecimal min = price(first(params, "min_price"), "min_price", "minimum price");
        BigDecimal max = price(first(params, "max_price"), "max_price", "maximum price");
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidListingRequest("The minimum price (" + min.toPlainString()
                    + ") is higher than the maximum price (" + max.toPlainString() + "). Swap them or clear one.");
        }
        ListingSort sort = ListingSort.fromParam(blankToNull(first(params, "sort")))
                .filter(s -> s != ListingSort.RELEVANCE || keywords != null)
                .orElse(ListingSort.defaultFor(keywords != null));
        return new ListingQuery(null, keywords, sizes, colors, min, max, sort, page(first(params, "page"), keywords != null));
    }

    private static String keywords(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_KEYWORDS) {
            throw new InvalidListingRequest("Your search is too long: please use at most " + MAX_KEYWORDS
                    + " characters.");
        }
        String trimmed = raw.strip().replaceAll("\\s+", " ");
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static List<String> optionValues(Map<String, List<String>> params, String name) {
        List<String> raw = params.getOrDefault(name, List.of());
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : raw) {
            // one parameter may also carry several values separated by commas (size=m,l)
            for (String part : value.split(",")) {
                String v = part.strip().toLowerCase(java.util.Locale.ROOT);
                if (v.isEmpty()) {
                    continue;
                }
                if (!OPTION_VALUE.matcher(v).matches()) {
                    throw new InvalidListingRequest("The " + name + " filter only accepts values such as "
                            + ("size".equals(name) ? "s, m or xl" : "blue or natural") + ".");
                }
                values.add(v);
            }
        }
        if (values.size() > MAX_VALUES) {
            throw new InvalidListingRequest("Too many " + name + " values: choose at most " + MAX_VALUES + ".");
        }
        return List.copyOf(values);
    }

    private static BigDecimal price(String raw, String param, String label) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        if (!PRICE.matcher(value).matches()) {
            throw new InvalidListingRequest("The " + label + " (" + param + ") must be an amount in dollars such as 25 or 19.99.");
        }
        return new BigDecimal(value);
    }

    private static int page(String raw, boolean search) {
        String value = blankToNull(raw);
        if (value == null) {
            return 1;
        }
        int last = ListingQuery.maxPage(search);
        if (!PAGE.matcher(value).matches() || Integer.parseInt(value) < 1 || Integer.parseInt(value) > last) {
            throw new InvalidListingRequest("The page number must be a whole number from 1 to " + last + ": "
                    + (search ? "a search shows" : "listings show") + " their first " + last
                    + " pages. Use the filters, another sort or " + (search ? "other words" : "a search")
                    + " to see other products.");
        }
        return Integer.parseInt(value);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------------------------------------- links

    /** The query string (with a leading '?', or empty) for the query with default sort and page 1 left out. */
    public static String queryString(ListingQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.keywords() != null) {
            parts.add("keywords=" + encode(q.keywords()));
        }
        q.sizes().forEach(s -> parts.add("size=" + encode(s)));
        q.colors().forEach(c -> parts.add("color=" + encode(c)));
        if (q.minPrice() != null) {
            parts.add("min_price=" + q.minPrice().toPlainString());
        }
        if (q.maxPrice() != null) {
            parts.add("max_price=" + q.maxPrice().toPlainString());
        }
        if (q.sort() != ListingSort.defaultFor(q.search())) {
            parts.add("sort=" + q.sort().param);
        }
        if (q.page() > 1) {
            parts.add("page=" + q.page());
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    public static ListingQuery withPage(ListingQuery q, int page) {
        return new ListingQuery(q.permalink(), q.keywords(), q.sizes(), q.colors(), q.minPrice(), q.maxPrice(), q.sort(), page);
    }

    /** A new sort starts again at page 1. */
    public static ListingQuery withSort(ListingQuery q, ListingSort sort) {
        return new ListingQuery(q.permalink(), q.keywords(), q.sizes(), q.colors(), q.minPrice(), q.maxPrice(), sort, 1);
    }

    /** Adds or removes one option value; back to page 1. */
    public static ListingQuery toggle(ListingQuery q, String type, String value) {
        List<String> sizes = "size".equals(type) ? toggled(q.sizes(), value) : q.sizes();
        List<String> colors = "color".equals(type) ? toggled(q.colors(), value) : q.colors();
        return new ListingQuery(q.permalink(), q.keywords(), sizes, colors, q.minPrice(), q.maxPrice(), q.sort(), 1);
    }

    public static ListingQuery withoutPrice(ListingQuery q) {
        return new ListingQuery(q.permalink(), q.keywords(), q.sizes(), q.colors(), null, null, q.sort(), 1);
    }

    public static ListingQuery withoutFilters(ListingQuery q) {
        return new ListingQuery(q.permalink(), q.keywords(), List.of(), List.of(), null, null, q.sort(), 1);
    }

    private static List<String> toggled(List<String> values, String value) {
        List<String> copy = new ArrayList<>(values);
        if (!copy.remove(value)) {
            copy.add(value);
        }
        return List.copyOf(copy);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
