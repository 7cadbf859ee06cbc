package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

import dev.mirshop.platform.cache.RefreshAhead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a search's words are known to match, without a statement per search (that statement was a fifth of a
 * search's time in PostgreSQL; docs/performance.md): the catalog's words with their full-text lexemes
 * (search_words), each lexeme's products, price range and name range (search_lexemes), and how many products have
 * each option value (listing_facet_counts of every product), read together on the first search and reused; once
 * older than {@value #TTL_SECONDS} s, read again in the background, as {@link FacetDirectory} keeps a listing's
 * facets. Only catalog edits change them, never an order: a stock change writes no lexeme
 * (catalog_refresh_listings); the demo catalog's generator has them read again at once ({@link #forget}), an edit
 * made elsewhere shows within the seconds, as the page caches do.
 * <p>
 * Only keywords made of plain words the catalog has (letters a to z, as its word list keeps them) are answered here:
 * each is one token of PostgreSQL's parser, whose lexeme is its word's. Any other (a word the catalog lacks, a typo,
 * digits, a hyphen, an accent, "or") is left to PostgreSQL ({@link CatalogQueries#wordsSql}). A catalog with more than
 * {@value #MAX_WORDS} words is not kept in memory.
 * <p>
 * A word's products are not the catalog's: no leather bag comes in size M, so "leather" in M, expected from the
 * catalog's share of size M, was walked through every product to find none. Which option values each lexeme's
 * products have is therefore read from a sample of {@value #SAMPLE} products drawn at random (by id, so that the
 * statement reads those rows only, whatever the catalog's size), again every {@value #SAMPLE_MINUTES} minutes:
 * an estimate, which chooses how a page is read, never what it finds.
 */
@ApplicationScoped
public class SearchVocabulary {

    static final int TTL_SECONDS = 10;
    static final int MAX_WORDS = 50_000;
    static final int SAMPLE = 2_000;
    static final int SAMPLE_MINUTES = 10;
    /** A lexeme with fewer products in the sample says too little about their option values. */
    static final int MIN_SAMPLED = 30;
    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z]{3,50}");

    /** One lexeme of the catalog's texts: its products at the last rebuild, and the price and name ranges they span. */
    record Lexeme(String lexeme, long products, BigDecimal minPrice, BigDecimal maxPrice, String firstName,
            String lastName) {
    }

    /**
     * The known lexemes of some keywords, each once, with the catalog's products in all and the products of each
     * option value, which the estimate of their matches needs, and the sample of the rarest of them (null when it
     * was not sampled).
     */
    record Known(List<Lexeme> lexemes, long products, Map<Integer, Long> productsByValue, Sampled rarest) {
    }

    /** A lexeme's products in the sample, and how many of them have each option value ({@code valueIds} sorted). */
    record Sampled(int products, int[] valueIds, int[] counts) {

        int products(int valueId) {
            int at = Arrays.binarySearch(valueIds, valueId);
            return at < 0 ? 0 : counts[at];
        }
    }

    private record OptionSample(Map<String, Sampled> byLexeme) {
    }

    /** {@code complete}: false when the catalog had more words than are kept, and nothing is answered from here. */
    private record Snapshot(Map<String, Lexeme> byWord, long products, Map<Integer, Long> productsByValue,
            boolean complete) {
    }

    @Inject
    CatalogSql sql;

    /** Read again in the background once older than its seconds: no search waits for that (RefreshAhead). */
    private final RefreshAhead<Snapshot> snapshot = new RefreshAhead<>("The search vocabulary",
            Duration.ofSeconds(TTL_SECONDS), this::load);
    /** Drawn on the first search (about 150 ms at 100,000 products), then again in the background. */
    private final RefreshAhead<OptionSample> sample = new RefreshAhead<>("The search sample",
            Duration.ofMinutes(SAMPLE_MINUTES), this::drawSample);

    /** The lexemes of these keywords, when each of their words is a plain word of the catalog. */
    Optional<Known> lookUp(String keywords) {
        String[] words = keywords.trim().toLowerCase(Locale.ROOT).split("\\s+");
        Snapshot known = snapshot.get();
        if (!known.complete()) {
            return Optional.empty();
        }
        Map<String, Lexeme> lexemes = new LinkedHashMap<>();
        Lexeme rarest = null;
        for (String word : words) {
            Lexeme lexeme = PLAIN_WORD.matcher(word).matches() ? known.byWord().get(word) : null;
            if (lexeme == null) {
                return Optional.empty();
            }
            lexemes.putIfAbsent(lexeme.lexeme(), lexeme);
            rarest = rarest == null || lexeme.products() < rarest.products() ? lexeme : rarest;
        }
        return Optional.of(new Known(List.copyOf(lexemes.values()), known.products(), known.productsByValue(),
                sample.get().byLexeme().get(rarest.lexeme())));
    }

    /** The next search reads the words and the sample again (after the catalog was generated). */
    public void forget() {
        snapshot.forget();
        sample.forget();
    }

    /** As if the sample were older than its minutes (for tests). */
    void ageSample() {
        sample.age();
    }

    /** Whether the sample now in use is one drawn within its minutes (for tests). */
    boolean sampleFresh() {
        return sample.fresh();
    }

    private OptionSample drawSample() {
        long highest = ((Number) sql.row(CatalogQueries.sitemapSizeSql())[1]).longValue();
        List<Long> ids = new ArrayList<>();
        if (highest <= SAMPLE) {
            for (long id = 1; id <= highest; id++) {
                ids.add(id);
            }
        } else {
            // the same catalog size draws the same ids, so that a page is read the same way in every replica and run
            Random random = new Random(highest);
            for (int i = 0; i < SAMPLE; i++) {
                ids.add(random.nextLong(1, highest + 1));
            }
        }
        // rows come by lexeme, then option value id, 0 (the lexeme's sampled products) first
        Map<String, Sampled> byLexeme = new HashMap<>();
        List<Object[]> rows = sql.rows(CatalogQueries.optionSampleSql(ids));
        int from = 0;
        while (from < rows.size()) {
            String lexeme = (String) rows.get(from)[0];
            int to = from;
            while (to < rows.size() && rows.get(to)[0].equals(lexeme)) {
                to++;
            }
            int products = ((Number) rows.get(from)[2]).intValue();
            int[] valueIds = new int[to - from - 1];
            int[] counts = new int[to - from - 1];
            for (int i = from + 1; i < to; i++) {
                valueIds[i - from - 1] = ((Number) rows.get(i)[1]).intValue();
                counts[i - from - 1] = ((Number) rows.get(i)[2]).intValue();
            }
            byLexeme.put(lexeme, new Sampled(products, valueIds, counts));
            from = to;
        }
        return new OptionSample(Map.copyOf(byLexeme));
    }

    private Snapshot load() {
        Map<Integer, Long> byValue = new HashMap<>();
        for (Object[] r : sql.rows(CatalogQueries.facetCountsSql(CatalogQueries.ALL_PRODUCTS))) {
            byValue.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
        }
        long products = byValue.getOrDefault(0, 0L);
        byValue.remove(0);
        List<Object[]> rows = sql.rows(CatalogQueries.vocabularySql(MAX_WORDS + 1));
        if (rows.size() > MAX_WORDS) {
            return new Snapshot(Map.of(), products, Map.of(), false);
        }
        Map<String, Lexeme> byWord = new HashMap<>();
        Map<String, Lexeme> byLexeme = new HashMap<>();
        for (Object[] r : rows) {
            String lexeme = (String) r[1];
            Lexeme known = byLexeme.computeIfAbsent(lexeme, l -> new Lexeme(l,
                    r[2] == null ? 0 : ((Number) r[2]).longValue(), (BigDecimal) r[3], (BigDecimal) r[4],
                    (String) r[5], (String) r[6]));
            byWord.put((String) r[0], known);
        }
        return new Snapshot(Map.copyOf(byWord), products, Map.copyOf(byValue), true);
    }
}
