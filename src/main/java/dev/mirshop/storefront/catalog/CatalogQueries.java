package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mirshop.storefront.catalog.CatalogStatement.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Read-side queries of the catalog over its listing read model (product_listings, listing_entries,
 * listing_facet_counts; see V133__catalog_listing_read_model.sql): explicit SQL returning plain records, a fixed
 * number of statements per page, each reading rows bounded by the page (at most {@link ListingQuery#maxPage()}
 * pages of {@link ListingQuery#PAGE_SIZE}), never by the catalog. Only products whose available_on has passed by the
 * shop's clock are shown; the clock's instant is a parameter of every statement, never the database's now().
 * Each statement is built by one static {@code ...Sql} method per {@link Kind}, which the guardrail test explains.
 */
@ApplicationScoped
public class CatalogQueries {

    /** Every product: listing_entries' taxon for /products. */
    static final int ALL_PRODUCTS = 0;
    static final String CARD_COLUMNS = "l.slug, l.name, l.price, l.compare_at_price, l.currency, l.image_url, l.image_alt, l.in_stock";
    static final String TSQUERY = "websearch_to_tsquery('shop_search', :keywords)";
    /** The column of a counted page's rows ({@link #counted}) that holds how many products match, up to :cap. */
    static final int MATCHED = 8;
    /** A search expected to match at most this many products gathers and sorts its matches. */
    static final int GATHERED = 1_000;
    /** A search known to match this many times what its pages show does not count its matches. */
    static final int SURELY_MORE = 4;
    /** websearch_to_tsquery's "or" and "-word" / "-\"a phrase\"". */
    private static final Pattern OR = Pattern.compile("(?i)(^|\\s)or(\\s|$)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NEGATED = Pattern.compile("(^|\\s)-(\"[^\"]*\"?|\\S+)");

    @Inject
    CatalogSql sql;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    OptionValueDirectory optionValues;
    @Inject
    TaxonDirectory taxons;
    @Inject
    SearchVocabulary vocabulary;

    // ------------------------------------------------------------------------------------------------- listings

    /**
     * One page of cards and how many products match, in one statement: for a listing without keywords, filtered by
     * nothing or by one size or one color, the taxon's precomputed count ({@code facets}); otherwise the page's
     * statement counts the matches too, up to what the pages can show, plus one ({@link #counted}). Only a page past
     * the last one, which has no row to carry that count, counts in a statement of its own.
     */
    public ListingPage listing(ListingQuery q, int taxonId, OptionFacets facets) {
        OffsetDateTime now = currentTime();
        Filters filters = filters(q);
        List<Object[]> rows = sql.rows(cardsSql(q, filters, taxonId, now));
        List<ProductCard> cards = cards(rows);
        if (!q.narrowed()) {
            return new ListingPage(cards, facets.products(), false, q.page(), q.maxPage());
        }
        if (countedByFacets(q)) {
            long exact = q.sizes().isEmpty() ? facets.products("color", q.colors().get(0))
                    : facets.products("size", q.sizes().get(0));
            return new ListingPage(cards, exact, false, q.page(), q.maxPage());
        }
        if (cards.size() < ListingQuery.PAGE_SIZE && (!cards.isEmpty() || q.page() == 1)) {
            // a page with room left is the last one: the pages before it and its cards are every match
            return new ListingPage(cards, q.offset() + cards.size(), false, q.page(), q.maxPage());
        }
        long counted = rows.isEmpty() ? ((Number) sql.row(countSql(q, filters, taxonId, now))[0]).longValue()
                : counted(q, filters, taxonId) ? ((Number) rows.get(0)[MATCHED]).longValue() : q.shown() + 1;
        return new ListingPage(cards, Math.min(counted, q.shown()), counted > q.shown(), q.page(), q.maxPage());
    }

    /**
     * Whether a page's statement also counts its matches (in column {@value #MATCHED}, up to {@code :cap}, what the
     * pages can show plus one): a search, or a listing filtered by more than the facet counts know. Not a search
     * whose words are known to match many times what its pages can show ({@link #surelyMore}).
     */
    static boolean counted(ListingQuery q, Filters filters, int taxonId) {
        return q.narrowed() && !countedByFacets(q) && !surelyMore(q, filters, taxonId);
    }

    /**
     * A search of the whole catalog whose words are known to match at least {@value #SURELY_MORE} times what its
     * pages can show ({@link Words#atLeast}): counting to the cap would read that many matches to show "120+" all
     * the same. The margin covers products not yet available and products removed since the vocabulary was built.
     */
    static boolean surelyMore(ListingQuery q, Filters filters, int taxonId) {
        return filters.words() != null && taxonId == ALL_PRODUCTS
                && filters.words().atLeast() >= SURELY_MORE * (q.shown() + 1.0);
    }

    /** A listing filtered by one size or one color only: its facet count is the exact number, no count statement. */
    static boolean countedByFacets(ListingQuery q) {
        return !q.search() && q.minPrice() == null && q.maxPrice() == null && q.sizes().size() + q.colors().size() == 1;
    }

    /**
     * A listing's option filters as the ids of the chosen values (never looked up inside the statement, so that
     * PostgreSQL plans with the values in hand): sizes, colors, and the pairs "this size in this color" a variant
     * must have when both are chosen; for a search, its {@link Words}.
     */
    record Filters(List<Integer> sizes, List<Integer> colors, List<Long> pairs, Words words) {
    }

    Filters filters(ListingQuery q) {
        List<Integer> sizes = optionValues.ids("size", q.sizes());
        List<Integer> colors = optionValues.ids("color", q.colors());
        List<Long> pairs = new ArrayList<>();
        for (int size : sizes) {
            for (int color : colors) {
                pairs.add(optionPair(size, color));
            }
        }
        return new Filters(sizes, colors, pairs, words(q));
    }

    /** As the database's option_pair(a, b): one key for "a variant has both values". */
    static long optionPair(long a, long b) {
        return (Math.min(a, b) << 31) | Math.max(a, b);
    }

    /**
     * The page's cards. Sorted by newest, price or name, the page is read in the order of that sort's index. "Best
     * match" (a search's default) lists first the products whose name has every word, then the other matches, each
     * newest first. Both are read as a window of offset + page size rows (a window of all matches holds enough that
     * are not name matches, once those are taken out), each by whichever is cheaper for its words, an index in
     * date order or the full-text index: so no page ranks every match of a common word. A search its {@link Words}
     * expect to match few products gathers its matches and sorts them, whatever its sort. A {@link #counted} page
     * reads its window up to :cap rows and counts them, the rows a count of its own would read.
     */
    static CatalogStatement cardsSql(ListingQuery q, Filters filters, int taxonId, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        String matching = matching(q, filters, taxonId, now, params);
        params.put("limit", ListingQuery.PAGE_SIZE);
        params.put("offset", q.offset());
        boolean counted = counted(q, filters, taxonId);
        // a counted page reads up to :cap matches whichever way it goes, so that many rows choose the way
        long window = counted ? q.shown() + 1 : q.offset() + ListingQuery.PAGE_SIZE;
        if (counted) {
            params.put("cap", q.shown() + 1);
        }
        String columns = "e.product_id, e.created_at, e.price, e.name_key";
        String sql;
        if (filters.words() != null && filters.words().gathered(window)) {
            // few matches: a walk in a sort index's order would read every product before it found a rare
            // combination ("mug" in size XXL: none), gathering reads the matches only
            String relevance = q.sort() == ListingSort.RELEVANCE ? ", e.name_vector @@ " + TSQUERY + " as in_name" : "";
            String tier = q.sort() == ListingSort.RELEVANCE ? "case when in_name then 0 else 1 end as tier, " : "";
            sql = gathered(q, filters, taxonId, now, columns + relevance, params) + " select " + CARD_COLUMNS
                    + (counted ? ", (select count(*) from (select 1 from gathered e where true" + priced(q)
                            + " limit :cap) c)" : "")
                    + " from (select " + tier + "* from gathered e where true" + priced(q) + " order by "
                    + q.sort().orderBy(q.sort() == ListingSort.RELEVANCE ? "" : "e.") + " limit :limit offset :offset) e";
        } else if (q.sort() == ListingSort.RELEVANCE) {
            params.put("window", q.offset() + ListingQuery.PAGE_SIZE);
            String newest = " order by e.created_at desc, e.product_id desc limit ";
            // the other matches are read only when the name matches do not fill the window on their own, or to be
            // counted (every name match is one of them)
            sql = "with name_matches as (select " + columns + matching + " and e.name_vector @@ " + TSQUERY + newest
                    + ":window), all_matches as (select " + columns + matching + " and e.search_vector @@ " + TSQUERY
                    + newest + (counted ? ":cap"
                            : "case when (select count(*) from name_matches) >= :window then 0 else :window end")
                    + ") select " + CARD_COLUMNS + (counted ? ", (select count(*) from all_matches)" : "")
                    + " from (select 0 as tier, * from name_matches union all"
                    + " select 1, * from all_matches where product_id not in (select product_id from name_matches)"
                    + " order by " + q.sort().orderBy("") + " limit :limit offset :offset) e";
        } else {
            String walk = columns + matching + (q.search() ? " and e.search_vector @@ " + TSQUERY : "")
                    + (filters.words() != null ? bounded(q, filters.words(), params) : "")
                    + " order by " + q.sort().orderBy();
            sql = counted
                    ? "with walked as (select " + walk + " limit :cap) select " + CARD_COLUMNS
                            + ", (select count(*) from walked) from (select * from walked e order by " + q.sort().orderBy()
                            + " limit :limit offset :offset) e"
                    : "select " + CARD_COLUMNS + " from (select " + walk + " limit :limit offset :offset) e";
        }
        sql += " join product_listings l on l.product_id = e.product_id order by " + q.sort().orderBy();
        return new CatalogStatement(q.search() ? Kind.SEARCH_CARDS : Kind.LISTING_CARDS, sql, params);
    }

    /**
     * A search sorted by price, name or date whose words are expected to match many products walks the sort index,
     * but only within the price range its words' products have ({@link Words}, looked up before), so that a word of
     * one category ("hoodie") does not walk every cheaper product first; sorted by name, within its words' names.
     */
    private static String bounded(ListingQuery q, Words words, Map<String, Object> params) {
        params.put("lowest", words.lowest());
        params.put("highest", words.highest());
        String bounds = " and e.price >= :lowest and e.price <= :highest";
        if (q.sort() == ListingSort.NAME && words.firstName() != null && words.lastName() != null) {
            // the products of an adjective that starts their names ("Rugged ...") sit together in the name index,
            // after most of the catalog: the walk starts at the first name the words can have
            params.put("firstName", words.firstName());
            params.put("lastName", words.lastName());
            bounds += " and e.name_key >= :firstName and e.name_key <= :lastName";
        }
        return bounds;
    }

    /**
     * "with gathered as (...)": every product matching the words, options and taxon, from the GIN index. The price
     * range applies to the gathered rows ({@link #priced}): as an index condition it would read the whole range.
     */
    private static String gathered(ListingQuery q, Filters filters, int taxonId, OffsetDateTime now, String columns,
            Map<String, Object> params) {
        ListingQuery anyPrice = new ListingQuery(q.permalink(), q.keywords(), q.sizes(), q.colors(), null, null,
                q.sort(), q.page());
        priced(q, params);
        return "with gathered as materialized (select " + columns + matching(anyPrice, filters, taxonId, now, params)
                + " and e.search_vector @@ " + TSQUERY + ")";
    }

    /** The price range's conditions over {@code e.price}; {@link #priced(ListingQuery, Map)} binds them. */
    private static String priced(ListingQuery q) {
        return (q.minPrice() != null ? " and e.price >= :minPrice" : "") + (q.maxPrice() != null ? " and e.price <= :maxPrice" : "");
    }

    private static void priced(ListingQuery q, Map<String, Object> params) {
        if (q.minPrice() != null) {
            params.put("minPrice", q.minPrice());
        }
        if (q.maxPrice() != null) {
            params.put("maxPrice", q.maxPrice());
        }
    }

    /**
     * A search's words as search_lexemes knows them, to choose how its page and count are read and to bound a walk.
     * {@code matches}: how many products its words and options are expected to match: with every word required,
     * the catalog's products times each word's share of them (0 when a word is in no product), with "or" the words'
     * counts added up; times the share of products with the chosen sizes and colors (from the facet counts); and
     * the share of them a price range keeps ({@link #priceShare}). The
     * price range every match lies inside: with every word required, the range all their products share; with "or",
     * the range any of them spans; and the same for their products' name keys ({@code firstName}, {@code lastName}),
     * where a walk in name order starts and ends. Words ruled out ("-linen") bound nothing and are left out.
     * {@code atLeast}: the products known to have the words, for one plain word alone (no word ruled out, no option
     * or price chosen) its products when the vocabulary was built; otherwise 0, nothing known.
     */
    record Words(double matches, double priceShare, long products, BigDecimal lowest, BigDecimal highest,
            String firstName, String lastName, long atLeast) {

        Words(double matches, double priceShare, long products, BigDecimal lowest, BigDecimal highest,
                String firstName, String lastName) {
            this(matches, priceShare, products, lowest, highest, firstName, lastName, 0);
        }

        /**
         * Whether to gather the matches and sort them rather than walk a sort index for a window of this many rows.
         * Gathering reads each match of the words and options twice (from the GIN index, then its row, where the
         * price range is applied); a walk reads about window × products ÷ (matches × price share) rows when the
         * matches are spread evenly along the index, and far more when they cluster (the name index holds all
         * "Quilted …" together), so up to {@value #GATHERED} matches are always gathered, and beyond that while
         * gathering is the cheaper way for evenly spread matches.
         */
        boolean gathered(long window) {
            return matches <= GATHERED || 2 * matches * matches * priceShare <= window * (double) products;
        }
    }

    /**
     * A search's words, or null where they bound nothing (no keywords, or "a or -b"): from {@link SearchVocabulary}
     * when it knows every word, otherwise from PostgreSQL ({@link #wordsSql}).
     */
    Words words(ListingQuery q) {
        if (!q.search()) {
            return null;
        }
        String required = NEGATED.matcher(q.keywords()).replaceAll(" ");
        boolean anyOf = OR.matcher(required).find();
        if (required.isBlank() || anyOf && !required.equals(q.keywords())) {
            return null;
        }
        List<Integer> sizes = optionValues.ids("size", q.sizes());
        List<Integer> colors = optionValues.ids("color", q.colors());
        Optional<SearchVocabulary.Known> known = anyOf ? Optional.empty() : vocabulary.lookUp(required);
        if (known.isPresent()) {
            return words(known.get(), sizes, colors, q);
        }
        return wordsFromDatabase(required, anyOf, sizes, colors, q);
    }

    Words wordsFromDatabase(String required, boolean anyOf, List<Integer> sizes, List<Integer> colors, ListingQuery q) {
        Object[] row = sql.row(wordsSql(required, anyOf, sizes, colors));
        long products = ((Number) row[5]).longValue();
        double matches = anyOf ? Math.min(products, ((Number) row[0]).doubleValue())
                : products * Math.exp(((Number) row[0]).doubleValue());
        matches *= ((Number) row[3]).doubleValue() * ((Number) row[4]).doubleValue();
        BigDecimal lowest = (BigDecimal) row[1];
        BigDecimal highest = (BigDecimal) row[2];
        return new Words(matches, priceShare(lowest, highest, q.minPrice(), q.maxPrice()), products, lowest, highest,
                (String) row[6], (String) row[7]);
    }

    /** What {@link #wordsSql} makes of words that are all required, from the lexemes in memory. */
    static Words words(SearchVocabulary.Known known, List<Integer> sizes, List<Integer> colors, ListingQuery q) {
        long products = known.products();
        double share = known.lexemes().isEmpty() ? 0 : 1;
        BigDecimal lowest = null;
        BigDecimal highest = null;
        String firstName = null;
        String lastName = null;
        for (SearchVocabulary.Lexeme lexeme : known.lexemes()) {
            share *= products == 0 ? 1 : (double) lexeme.products() / products;
            lowest = max(lowest, lexeme.minPrice());
            highest = min(highest, lexeme.maxPrice());
            firstName = max(firstName, lexeme.firstName());
            lastName = min(lastName, lexeme.lastName());
        }
        double matches = products * share * optionShare(known, sizes) * optionShare(known, colors);
        boolean oneWordAlone = known.lexemes().size() == 1 && sizes.isEmpty() && colors.isEmpty()
                && q.minPrice() == null && q.maxPrice() == null && !NEGATED.matcher(q.keywords()).find();
        return new Words(matches, priceShare(lowest, highest, q.minPrice(), q.maxPrice()), products, lowest, highest,
                firstName, lastName, oneWordAlone ? known.lexemes().get(0).products() : 0);
    }

    /**
     * The share of the words' products with one of the chosen values, at most 1: that of the rarest word's products
     * in the sample when it has enough of them ({@link SearchVocabulary}), otherwise as wordsSql's share, the
     * values' products over every product; 1 when no value is chosen or none is counted.
     */
    static double optionShare(SearchVocabulary.Known known, List<Integer> valueIds) {
        SearchVocabulary.Sampled sampled = known.rarest();
        if (!valueIds.isEmpty() && sampled != null && sampled.products() >= SearchVocabulary.MIN_SAMPLED) {
            long having = 0;
            for (int id : valueIds) {
                having += sampled.products(id);
            }
            return Math.min(1, (double) having / sampled.products());
        }
        long counted = 0;
        boolean any = false;
        for (int id : valueIds) {
            Long products = known.productsByValue().get(id);
            if (products != null) {
                counted += products;
                any = true;
            }
        }
        return !any || known.products() == 0 ? 1 : Math.min(1, (double) counted / known.products());
    }

    private static <T extends Comparable<T>> T max(T a, T b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static <T extends Comparable<T>> T min(T a, T b) {
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The share of the words' products a price range keeps, as if their prices were spread evenly between the lowest
     * and the highest: "corduroy" under 38 keeps a few of its thousands, and a walk in date order would read most of
     * the catalog to find them. Read too high, a page walks as before; too low, it gathers the word's matches, a
     * cost bounded by the word.
     */
    static double priceShare(BigDecimal lowest, BigDecimal highest, BigDecimal min, BigDecimal max) {
        if (lowest == null || highest == null || min == null && max == null) {
            return 1;
        }
        double from = Math.max(lowest.doubleValue(), min == null ? Double.NEGATIVE_INFINITY : min.doubleValue());
        double to = Math.min(highest.doubleValue(), max == null ? Double.POSITIVE_INFINITY : max.doubleValue());
        if (to < from) {
            return 0;
        }
        double spread = highest.doubleValue() - lowest.doubleValue();
        return spread <= 0 ? 1 : Math.min(1, (to - from) / spread);
    }

    /**
     * One row: the words' count (with "or": their sum; otherwise the log of the product of their shares of the
     * catalog, so -infinity, read as 0 matches, when a word is in no product), price bounds, the chosen sizes' and
     * colors' shares of the catalog, the number of products, and name-key bounds. Its values are out of the
     * planner's sight, as {@link #relatedSql}'s are, so that it keeps its cached plan.
     */
    static CatalogStatement wordsSql(String keywords, boolean anyOf, List<Integer> sizes, List<Integer> colors) {
        String all = "(select products from listing_facet_counts where taxon_id = 0 and option_value_id = 0)";
        String bounds = anyOf ? "coalesce(sum(coalesce(s.products, 0)), 0), min(s.min_price), max(s.max_price)"
                // no word at all (only stop words) matches nothing either
                : "case when count(*) = 0 then '-infinity'::float8 else coalesce(sum(case when coalesce(s.products, 0) = 0"
                        + " then '-infinity'::float8 else ln(s.products::float8 / nullif(" + all + ", 0)) end), 0) end,"
                        + " max(s.min_price), min(s.max_price)";
        String names = anyOf ? "min(s.first_name), max(s.last_name)" : "max(s.first_name), min(s.last_name)";
        String share = "(select coalesce(least(1, sum(c.products)::float8 / nullif(max(a.products), 0)), 1)"
                + " from listing_facet_counts a left join listing_facet_counts c on c.taxon_id = 0"
                + " and c.option_value_id = any(cast((select cast(:%s as int[])) as int[]))"
                + " where a.taxon_id = 0 and a.option_value_id = 0)";
        return new CatalogStatement(Kind.SEARCH_WORDS, "select " + bounds + ", " + share.formatted("sizes") + ", "
                + share.formatted("colors") + ", coalesce(" + all + ", 0), " + names + " from (select unnest(tsvector_to_array("
                + "to_tsvector('shop_search', (select cast(:keywords as text))))) as lexeme) q"
                + " left join search_lexemes s using (lexeme)",
                Map.of("keywords", keywords, "sizes", arrayLiteral(sizes), "colors", arrayLiteral(colors)));
    }

    /**
     * The catalog's words, each with its lexeme's products, price range and name range ({@link SearchVocabulary}),
     * at most {@code limit} of them.
     */
    static CatalogStatement vocabularySql(int limit) {
        return new CatalogStatement(Kind.SEARCH_VOCABULARY, """
                select w.word, w.lexeme, s.products, s.min_price, s.max_price, s.first_name, s.last_name
                from search_words w left join search_lexemes s on s.lexeme = w.lexeme limit :limit
                """, Map.of("limit", limit));
    }

    /**
     * Each lexeme of the sampled products' texts with how many of them have it (option value 0) and how many of
     * those have each option value, by lexeme and value id ({@link SearchVocabulary}).
     */
    static CatalogStatement optionSampleSql(List<Long> productIds) {
        return new CatalogStatement(Kind.SEARCH_SAMPLE, """
                select x.lexeme, v.id, count(*) from product_listings l
                cross join unnest(tsvector_to_array(l.search_vector)) as x (lexeme)
                cross join unnest(l.option_ids || 0) as v (id)
                where l.product_id = any(cast(:ids as bigint[])) group by 1, 2 order by 1, 2
                """, Map.of("ids", arrayLiteral(productIds)));
    }

    /**
     * How many products match, counted up to one more than the pages can show. Counted in date order, so that a
     * common filter or word walks the date index until the cap (never a sequential scan of the taxon), and a rare one
     * takes its matches from the GIN index.
     */
    static CatalogStatement countSql(ListingQuery q, Filters filters, int taxonId, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cap", q.shown() + 1);
        if (filters.words() != null && filters.words().gathered(q.shown() + 1)) {
            return new CatalogStatement(Kind.SEARCH_COUNT, gathered(q, filters, taxonId, now, "e.product_id, e.price", params)
                    + " select count(*) from (select 1 from gathered e where true" + priced(q) + " limit :cap) matching",
                    params);
        }
        String matching = matching(q, filters, taxonId, now, params);
        return new CatalogStatement(q.search() ? Kind.SEARCH_COUNT : Kind.LISTING_COUNT,
                "select count(*) from (select 1" + matching + (q.search() ? " and e.search_vector @@ " + TSQUERY : "")
                        + " order by " + ListingSort.NEWEST.orderBy() + " limit :cap) matching", params);
    }

    /**
     * FROM and WHERE of a listing's entries: the taxon's (0 for every product), available by the clock, matching the
     * filters. With keywords, of product_listings instead (one row per product, with its texts and taxons), so that
     * each candidate a search reads is one row. A product matches the options when
     * one of its variants has a chosen size and a chosen color, or, with one kind chosen, one of its values; the
     * price range applies to the price its card shows.
     */
    private static String matching(ListingQuery q, Filters filters, int taxonId, OffsetDateTime now,
            Map<String, Object> params) {
        StringBuilder sql;
        if (q.search()) {
            // one row per product, with its texts: each candidate is one row read, not an entry and its product
            sql = new StringBuilder(" from product_listings e where e.available_on <= :now");
            if (taxonId != ALL_PRODUCTS) {
                sql.append(" and e.taxon_ids @> array[cast(:taxon as int)]");
                params.put("taxon", taxonId);
            }
            params.put("keywords", searched(q.keywords()));
        } else {
            sql = new StringBuilder(" from listing_entries e where e.taxon_id = :taxon and e.available_on <= :now");
            params.put("taxon", taxonId);
        }
        params.put("now", now);
        if (!q.sizes().isEmpty() && !q.colors().isEmpty()) {
            sql.append(" and e.option_pairs && cast(:pairs as bigint[])");
            params.put("pairs", arrayLiteral(filters.pairs()));
        } else if (!q.sizes().isEmpty()) {
            sql.append(" and e.option_ids && cast(:sizes as int[])");
            params.put("sizes", arrayLiteral(filters.sizes()));
        } else if (!q.colors().isEmpty()) {
            sql.append(" and e.option_ids && cast(:colors as int[])");
            params.put("colors", arrayLiteral(filters.colors()));
        }
        priced(q, params);
        return sql.append(priced(q)).toString();
    }

    /**
     * The text of a search's tsquery: its keywords, each word once when they are words only ("merino merino" as
     * "merino"), since PostgreSQL reads a repeated word as another one as rare, and would gather thousands of matches
     * for a page of twelve. Keywords with "or", a "-word" or a quoted phrase are left as they are.
     */
    static String searched(String keywords) {
        String[] words = keywords.trim().toLowerCase(Locale.ROOT).split("\\s+");
        Set<String> distinct = new LinkedHashSet<>();
        for (String word : words) {
            if (!WORD.matcher(word).matches() || word.equals("or")) {
                return keywords;
            }
            distinct.add(word);
        }
        return distinct.size() == words.length ? keywords : String.join(" ", distinct);
    }

    /** {1,2,3}: a PostgreSQL array of numbers, bound as text and cast in the statement. */
    private static String arrayLiteral(List<? extends Number> values) {
        StringBuilder literal = new StringBuilder("{");
        for (Number value : values) {
            literal.append(literal.length() > 1 ? "," : "").append(value.longValue());
        }
        return literal.append('}').toString();
    }

    /**
     * A taxon's precomputed facet counts (0: every product), of every product it lists, available or not, by option
     * value id; 0 holds its products in all. {@link FacetDirectory} keeps them and subtracts {@link #upcoming}.
     */
    Map<Integer, Long> facetCounts(int taxonId) {
        Map<Integer, Long> counts = new HashMap<>();
        for (Object[] r : sql.rows(facetCountsSql(taxonId))) {
            counts.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
        }
        return counts;
    }

    static CatalogStatement facetCountsSql(int taxonId) {
        return new CatalogStatement(Kind.FACET_COUNTS, """
                select c.option_value_id, c.products from listing_facet_counts c where c.taxon_id = :taxon
                """, Map.of("taxon", taxonId));
    }

    /**
     * Every product not yet available at {@code now} (a few: announced ahead of their date), with its taxons and
     * option values, from the index on available_on that includes them.
     */
    List<FacetDirectory.Upcoming> upcoming(Instant now) {
        return sql.rows(upcomingSql(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))).stream()
                .map(r -> new FacetDirectory.Upcoming(instant(r[0]), numbers((String) r[1]), numbers((String) r[2])))
                .toList();
    }

    static CatalogStatement upcomingSql(OffsetDateTime now) {
        return new CatalogStatement(Kind.UPCOMING, """
                select l.available_on, array_to_string(l.taxon_ids, ','), array_to_string(l.option_ids, ',')
                from product_listings l where l.available_on > :now
                """, Map.of("now", now));
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    /** "1,2,3" (array_to_string) as numbers; null or "" as none. */
    private static int[] numbers(String list) {
        if (list == null || list.isEmpty()) {
            return new int[0];
        }
        String[] parts = list.split(",");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }

    /**
     * For keywords that match nothing: the same words with each one the catalog does not know (no word of it has
     * the same stemmed lexeme) replaced by the catalog's closest word by trigram similarity (pg_trgm, at least 0.25), or empty when
     * no word could be corrected.
     */
    public Optional<String> correction(String keywords) {
        if (vocabulary.lookUp(keywords).isPresent()) {
            return Optional.empty(); // every word is one of the catalog's: none to correct
        }
        Object[] row = sql.row(correctionSql(keywords));
        return Boolean.TRUE.equals(row[1]) ? Optional.of((String) row[0]) : Optional.empty();
    }

    static CatalogStatement correctionSql(String keywords) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("keywords", keywords);
        return new CatalogStatement(Kind.SUGGESTION, """
                select string_agg(coalesce(near.word, q.w), ' ' order by q.n), coalesce(bool_or(near.word is not null), false)
                from unnest(regexp_split_to_array(lower(unaccent(:keywords)), '[^a-z0-9]+')) with ordinality as q (w, n)
                cross join lateral (select (tsvector_to_array(to_tsvector('shop_search', q.w)))[1] as lexeme) searched
                left join lateral (select c.word from (select s.word, s.word <-> q.w as distance from search_words s
                                                       order by s.word <-> q.w limit 5) c
                                   where length(q.w) >= 3 and searched.lexeme is not null
                                     and not exists (select 1 from search_words k where k.lexeme = searched.lexeme)
                                     and c.distance <= 0.75
                                   order by c.distance, c.word limit 1) near on true
                where q.w <> ''
                """, params);
    }

    // ------------------------------------------------------------------------------------------------- taxons

    /**
     * The taxon with its chain of ancestors and its direct children, in one query; empty when unknown. Pages ask
     * {@link TaxonDirectory}, which reads this only for a taxon newer than its snapshot.
     */
    Optional<TaxonTree> taxonTree(String permalink) {
        List<String> chain = chain(permalink);
        List<TaxonNode> nodes = sql.rows(taxonTreeSql(permalink, chain)).stream().map(CatalogQueries::taxonNode).toList();
        Optional<TaxonNode> self = nodes.stream().filter(n -> n.permalink().equals(permalink)).findFirst();
        if (self.isEmpty()) {
            return Optional.empty();
        }
        List<TaxonNode> ancestors = nodes.stream().filter(n -> chain.contains(n.permalink()))
                .sorted((a, b) -> Integer.compare(a.depth(), b.depth())).toList();
        List<TaxonNode> children = nodes.stream().filter(n -> !chain.contains(n.permalink())).toList();
        return Optional.of(new TaxonTree(self.get(), ancestors, children));
    }

    static CatalogStatement taxonTreeSql(String permalink, List<String> chain) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("chain", String.join(",", chain));
        params.put("children", permalink + "/%");
        params.put("grandchildren", permalink + "/%/%");
        return new CatalogStatement(Kind.TAXON, """
                select t.id, t.name, t.permalink, t.description, t.icon from taxons t
                where t.permalink = any(string_to_array(:chain, ','))
                   or (t.permalink like :children and t.permalink not like :grandchildren)
                order by t.position, t.name
                """, params);
    }

    /** a/b/c: a, a/b, a/b/c */
    static List<String> chain(String permalink) {
        List<String> chain = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (String part : permalink.split("/")) {
            path.append(path.length() == 0 ? "" : "/").append(part);
            chain.add(path.toString());
        }
        return chain;
    }

    /** Every taxon, categories and brands, in menu order (position, then name). */
    List<TaxonNode> taxons() {
        return sql.rows(taxonsSql()).stream().map(CatalogQueries::taxonNode).toList();
    }

    /** A row of id, name, permalink, description, icon. */
    private static TaxonNode taxonNode(Object[] row) {
        return new TaxonNode(((Number) row[0]).intValue(), (String) row[1], (String) row[2], (String) row[3],
                (String) row[4]);
    }

    static CatalogStatement taxonsSql() {
        return new CatalogStatement(Kind.TAXONS, """
                select t.id, t.name, t.permalink, t.description, t.icon from taxons t order by t.position, t.name
                """, Map.of());
    }

    /** Every option value with its type. */
    List<OptionValueDirectory.Value> optionValues() {
        return sql.rows(optionValuesSql()).stream().map(r -> new OptionValueDirectory.Value(((Number) r[4]).intValue(),
                ((Number) r[0]).intValue(), new ProductDetails.OptionData((String) r[1], (String) r[2],
                        ((Number) r[3]).intValue(), (String) r[5], (String) r[6], ((Number) r[7]).intValue()))).toList();
    }

    static CatalogStatement optionValuesSql() {
        return new CatalogStatement(Kind.OPTION_VALUES, """
                select ot.id, ot.name, ot.presentation, ot.position, ov.id, ov.name, ov.presentation, ov.position
                from option_values ov join option_types ot on ot.id = ov.option_type_id
                """, Map.of());
    }

    // ------------------------------------------------------------------------------------------------- products

    /**
     * The product page's data in one statement: the product, its taxon ids, its variants with their option value ids,
     * images and properties. Names of taxons and option values come from their directories: joining them for every
     * product and variant cost the statement most of its time.
     */
    public Optional<ProductDetails> product(String slug) {
        List<Object[]> rows = sql.rows(productSql(slug, currentTime()));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] p = rows.get(0);
        try {
            List<Integer> taxonIds = ints((String) p[6]);
            Optional<TaxonNode> category = taxons.categoryOf(taxonIds);
            Optional<TaxonNode> brand = taxons.brandOf(taxonIds);
            return Optional.of(new ProductDetails(((Number) p[0]).longValue(), (String) p[1], (String) p[2],
                    (String) p[3], (String) p[4], (String) p[5], category.map(TaxonNode::permalink).orElse(null),
                    category.map(TaxonNode::id).orElse(null), brand.map(TaxonNode::name).orElse(null),
                    brand.map(TaxonNode::permalink).orElse(null), variants((String) p[7]), images((String) p[8]),
                    properties((String) p[9])));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable product row for " + slug, e);
        }
    }

    static CatalogStatement productSql(String slug, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("slug", slug);
        params.put("now", now);
        return new CatalogStatement(Kind.PRODUCT, """
                select p.id, p.name, p.slug, p.description, p.meta_title, p.meta_description,
                       (select json_agg(pt.taxon_id) from products_taxons pt where pt.product_id = p.id)::text,
                       (select json_agg(json_build_array(v.id, v.sku, v.price::text, v.compare_at_price::text, v.currency,
                                        v.stock_on_hand,
                                        (select json_agg(vov.option_value_id) from variants_option_values vov
                                         where vov.variant_id = v.id)) order by v.position, v.id)
                        from variants v where v.product_id = p.id)::text,
                       (select json_agg(json_build_array(i.url, i.alt, i.variant_id) order by i.position, i.id)
                        from product_images i where i.product_id = p.id)::text,
                       (select json_agg(json_build_array(pp.name, pp.value) order by pp.position, pp.id)
                        from product_properties pp where pp.product_id = p.id)::text
                from products p
                where p.slug = :slug and p.available_on <= :now
                """, params);
    }

    private List<ProductDetails.VariantData> variants(String rows) throws JsonProcessingException {
        List<ProductDetails.VariantData> variants = new ArrayList<>();
        for (JsonNode v : array(rows)) {
            List<Integer> valueIds = new ArrayList<>();
            v.get(6).forEach(id -> valueIds.add(id.asInt())); // a JSON null (no values) has no elements
            variants.add(new ProductDetails.VariantData(v.get(0).asLong(), v.get(1).asText(), new BigDecimal(v.get(2).asText()),
                    v.get(3).isNull() ? null : new BigDecimal(v.get(3).asText()), v.get(4).asText(), v.get(5).asInt(),
                    optionValues.options(valueIds)));
        }
        return List.copyOf(variants);
    }

    private List<ProductDetails.ImageData> images(String rows) throws JsonProcessingException {
        List<ProductDetails.ImageData> images = new ArrayList<>();
        for (JsonNode i : array(rows)) {
            images.add(new ProductDetails.ImageData(i.get(0).asText(), i.get(1).asText(),
                    i.get(2).isNull() ? null : i.get(2).asLong()));
        }
        return List.copyOf(images);
    }

    private List<ProductDetails.PropertyData> properties(String rows) throws JsonProcessingException {
        List<ProductDetails.PropertyData> properties = new ArrayList<>();
        for (JsonNode p : array(rows)) {
            properties.add(new ProductDetails.PropertyData(p.get(0).asText(), p.get(1).asText()));
        }
        return List.copyOf(properties);
    }

    private List<Integer> ints(String rows) throws JsonProcessingException {
        List<Integer> ints = new ArrayList<>();
        array(rows).forEach(id -> ints.add(id.asInt()));
        return ints;
    }

    /** A JSON array from the database, or an empty one for SQL NULL (json_agg over no rows). */
    private JsonNode array(String rows) throws JsonProcessingException {
        return rows == null ? json.createArrayNode() : json.readTree(rows);
    }

    /**
     * Up to {@code limit} products of the taxon (and its descendants), its featured ones first, newest first: what a
     * product page of the taxon suggests ({@link RelatedProducts}).
     */
    List<ProductCard> related(int taxonId, int limit) {
        return cards(sql.rows(relatedSql(taxonId, limit, currentTime())));
    }

    /**
     * Its values are read through scalar subqueries, which the planner cannot see into, and the limit is written
     * out: the plan is then the same for every taxon, and PostgreSQL keeps its cached plan. With the values in
     * view, each custom plan looked cheaper than the generic one, and it planned the statement again on every page
     * (0.3 ms of its CPU, docs/performance.md).
     */
    static CatalogStatement relatedSql(int taxonId, int limit, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("taxon", taxonId);
        params.put("now", now);
        return new CatalogStatement(Kind.RELATED, "select " + CARD_COLUMNS + """
                 from (select r.product_id, min(r.k) as k, max(r.created_at) as created_at
                       from ((select e.product_id, 0 as k, e.created_at from listing_entries e
                              where e.taxon_id = (select cast(:taxon as int)) and e.featured
                                and e.available_on <= (select cast(:now as timestamptz))
                              order by e.created_at desc, e.product_id desc limit %1$d)
                             union all
                             (select e.product_id, 1, e.created_at from listing_entries e
                              where e.taxon_id = (select cast(:taxon as int))
                                and e.available_on <= (select cast(:now as timestamptz))
                              order by e.created_at desc, e.product_id desc limit %1$d)) r
                       group by r.product_id
                       order by min(r.k), max(r.created_at) desc, r.product_id desc limit %1$d) r
                 join product_listings l on l.product_id = r.product_id
                 order by r.k, r.created_at desc, r.product_id desc
                """.formatted(limit), params);
    }

    /** The newest featured products, for the home page. */
    public List<ProductCard> featured(int limit) {
        return cards(sql.rows(featuredSql(limit, currentTime())));
    }

    static CatalogStatement featuredSql(int limit, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", limit);
        params.put("now", now);
        params.put("taxon", ALL_PRODUCTS);
        return new CatalogStatement(Kind.FEATURED, "select " + CARD_COLUMNS + """
                 from (select e.product_id, e.created_at from listing_entries e
                       where e.taxon_id = :taxon and e.featured and e.available_on <= :now
                       order by e.created_at desc, e.product_id desc limit :limit) e
                 join product_listings l on l.product_id = e.product_id
                 order by e.created_at desc, e.product_id desc
                """, params);
    }

    // ------------------------------------------------------------------------------------------------- sitemap

    /** Sitemap files (of at most {@code perFile} URLs each) of taxons and of products: ids are split in ranges. */
    public Sitemaps sitemaps(int perFile) {
        Object[] row = sql.row(sitemapSizeSql());
        long taxons = ((Number) row[0]).longValue();
        long products = ((Number) row[1]).longValue();
        return new Sitemaps(perFile, (int) ((taxons + perFile - 1) / perFile), (int) ((products + perFile - 1) / perFile));
    }

    /** How many sitemap files of each kind, from the highest ids. */
    public record Sitemaps(int perFile, int taxonFiles, int productFiles) {
    }

    static CatalogStatement sitemapSizeSql() {
        return new CatalogStatement(Kind.SITEMAP_SIZE, """
                select (select coalesce(max(id), 0) from taxons), (select coalesce(max(product_id), 0) from product_listings)
                """, Map.of());
    }

    /** Paths of the taxons with ids in file {@code file} (1-based) of {@code perFile}. */
    public List<String> sitemapTaxons(int file, int perFile) {
        return strings(sql.column(sitemapTaxonsSql(file, perFile)));
    }

    static CatalogStatement sitemapTaxonsSql(int file, int perFile) {
        return new CatalogStatement(Kind.SITEMAP_TAXONS, """
                select '/t/' || permalink from taxons where id > :from and id <= :to order by id
                """, idRange(file, perFile));
    }

    /** Paths of the available products with ids in file {@code file} (1-based) of {@code perFile}. */
    public List<String> sitemapProducts(int file, int perFile) {
        return strings(sql.column(sitemapProductsSql(file, perFile, currentTime())));
    }

    static CatalogStatement sitemapProductsSql(int file, int perFile, OffsetDateTime now) {
        Map<String, Object> params = idRange(file, perFile);
        params.put("now", now);
        return new CatalogStatement(Kind.SITEMAP_PRODUCTS, """
                select '/products/' || slug from product_listings
                where product_id > :from and product_id <= :to and available_on <= :now order by product_id
                """, params);
    }

    private static Map<String, Object> idRange(int file, int perFile) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", (long) (file - 1) * perFile);
        params.put("to", (long) file * perFile);
        return params;
    }

    // ------------------------------------------------------------------------------------------------- running

    private OffsetDateTime currentTime() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static List<ProductCard> cards(List<Object[]> rows) {
        return rows.stream().map(CatalogQueries::toCard).toList();
    }

    private static List<String> strings(List<Object> column) {
        return column.stream().map(String.class::cast).toList();
    }

    static ProductCard toCard(Object[] row) {
        return new ProductCard((String) row[0], (String) row[1], (BigDecimal) row[2], (BigDecimal) row[3],
                (String) row[4], (String) row[5], (String) row[6], (Boolean) row[7]);
    }
}
