package dev.mirshop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mirshop.storefront.catalog.CatalogStatement.Kind;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The guardrail: on a generated catalog of 20,000 products, every kind of statement the catalog pages issue is run
 * with EXPLAIN ANALYZE for requests across the biggest taxons, every sort, filters, deep pages and searches for
 * common, middling and rare words. None may scan a catalog table sequentially, and none may read more rows than
 * its page calls for: at most {@value #ROWS_PER_SHOWN} rows per row it could show (its window: offset plus page
 * size, per tier of a search; a count's cap), or a sitemap file's rows, with {@value #BASE_ROWS} to spare. A plan that reads a whole taxon
 * (20,000 rows for the largest) fails; a catalog five times larger would not make any of these read more.
 */
@QuarkusTest
@TestProfile(LargeCatalogProfile.class)
class CatalogQueryPlansTest {

    static final int ROWS_PER_SHOWN = 8;
    static final int BASE_ROWS = 2_000;
    static final Set<String> CATALOG_TABLES = Set.of("products", "variants", "variants_option_values", "product_images",
            "product_properties", "products_taxons", "product_listings", "listing_entries", "listing_facet_counts");

    @Inject
    EntityManager em;
    @Inject
    CatalogQueries catalog;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void loaded() {
        LargeCatalogProfile.awaitLoaded();
    }

    /** A statement and the most rows it may read. */
    private record Checked(CatalogStatement statement, long budget) {
        /** A statement that shows at most {@code window} rows: its page's rows, a few times over. */
        static Checked paged(CatalogStatement statement, long window) {
            return new Checked(statement, ROWS_PER_SHOWN * window + BASE_ROWS);
        }

        /** A statement that returns every row it reads (a sitemap file). */
        static Checked returning(CatalogStatement statement, long rows) {
            return new Checked(statement, rows + BASE_ROWS);
        }
    }

    @Test
    void everyCatalogStatementReadsRowsBoundedByItsPageNeverTheCatalog() throws Exception {
        List<String> failures = new ArrayList<>();
        Set<Kind> explained = EnumSet.noneOf(Kind.class);
        long largest = 0;
        for (Checked checked : statements()) {
            JsonNode plan = json.readTree(explain(checked.statement())).get(0).get("Plan");
            List<String> seqScans = new ArrayList<>();
            long rows = rowsRead(plan, seqScans);
            long budget = checked.budget();
            String what = checked.statement().kind() + " " + checked.statement().params();
            if (!seqScans.isEmpty()) {
                failures.add(what + " scans " + seqScans + " sequentially");
            }
            if (rows > budget) {
                failures.add(what + " reads " + rows + " rows, more than " + budget + ":\n" + outline(plan, ""));
            }
            largest = Math.max(largest, rows);
            explained.add(checked.statement().kind());
        }
        assertThat(failures).isEmpty();
        assertThat(explained).as("every kind of catalog statement explained").isEqualTo(EnumSet.allOf(Kind.class));
        System.out.println("[guardrail] largest number of rows read by one catalog statement: " + largest);
    }

    /**
     * A statement that is not planned with its values ({@link Kind#planWithValues}) must get PostgreSQL's cached
     * generic plan once prepared on its connection. When a custom plan looks cheaper than the generic one,
     * PostgreSQL plans the statement again on every run, and a product page paid 0.3 ms of the database's CPU for
     * its related products alone, a listing page 0.6 ms for its facets (docs/performance.md).
     */
    @Test
    void everyStatementNotPlannedWithItsValuesRunsOnACachedPlan() throws Exception {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Object[] product = (Object[]) em.createNativeQuery("""
                select l.slug, l.product_id, e.taxon_id from product_listings l
                join listing_entries e on e.product_id = l.product_id order by l.product_id desc limit 1
                """).getSingleResult();
        int taxon = taxon("categories/clothing");
        List<CatalogStatement> statements = List.of(CatalogQueries.productSql((String) product[0], now),
                CatalogQueries.relatedSql(((Number) product[2]).intValue(), ProductPages.RELATED + 1, now),
                CatalogQueries.facetCountsSql(taxon), CatalogQueries.facetCountsSql(CatalogQueries.ALL_PRODUCTS),
                CatalogQueries.wordsSql("merino scarf", false, List.of(), List.of()));
        List<String> failures = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (CatalogStatement statement : statements) {
                assertThat(statement.kind().planWithValues).as(statement.kind().name()).isFalse();
                PositionalSql sql = PositionalSql.of(statement.sql());
                for (int run = 0; run < 12; run++) { // pgjdbc prepares on the server from the 5th, PostgreSQL decides after 5 more
                    try (PreparedStatement prepared = connection.prepareStatement(sql.sql())) {
                        for (int i = 0; i < sql.names().size(); i++) {
                            prepared.setObject(i + 1, statement.params().get(sql.names().get(i)));
                        }
                        prepared.executeQuery().close();
                    }
                }
                try (PreparedStatement plans = connection.prepareStatement(
                        "select generic_plans, custom_plans from pg_prepared_statements where statement = ?")) {
                    plans.setString(1, serverText(sql.sql()));
                    try (ResultSet row = plans.executeQuery()) {
                        if (!row.next()) {
                            failures.add(statement.kind() + " was never prepared on the server");
                        } else if (row.getLong(1) == 0) {
                            failures.add(statement.kind() + " " + statement.params() + " planned again on each of its "
                                    + row.getLong(2) + " runs");
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A statement's text as pgjdbc sends it to the server: each ? as $1, $2, … */
    private static String serverText(String jdbcSql) {
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (char c : jdbcSql.toCharArray()) {
            text.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return text.toString();
    }

    /** The plan (JSON) of the statement run with its parameters. */
    private String explain(CatalogStatement statement) {
        Query query = em.createNativeQuery("explain (analyze, buffers, format json) " + statement.sql());
        statement.params().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        NativeQuery<String> plan = query.unwrap(NativeQuery.class).addScalar("QUERY PLAN", StandardBasicTypes.STRING);
        return plan.getSingleResult();
    }

    /** Rows the plan read from tables and indexes (filtered-out ones included), and its sequential catalog scans. */
    static long rowsRead(JsonNode node, List<String> seqScans) {
        long rows = 0;
        if (node.path("Actual Loops").asLong() == 0) {
            return 0; // never executed (the way a sorted search did not take): it read nothing
        }
        String type = node.path("Node Type").asText();
        if (type.contains("Scan") && (node.has("Relation Name") || node.has("Index Name"))) {
            long loops = node.path("Actual Loops").asLong();
            rows += loops * (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong());
            if (type.equals("Seq Scan") && CATALOG_TABLES.contains(node.path("Relation Name").asText())) {
                seqScans.add(node.path("Relation Name").asText());
            }
        }
        for (JsonNode child : node.path("Plans")) {
            rows += rowsRead(child, seqScans);
        }
        return rows;
    }

    /** The plan as an indented outline of nodes with their rows read, for the failure message. */
    static String outline(JsonNode node, String indent) {
        StringBuilder text = new StringBuilder(indent).append(node.path("Node Type").asText());
        for (String name : List.of("Relation Name", "Index Name")) {
            if (node.has(name)) {
                text.append(' ').append(node.path(name).asText());
            }
        }
        text.append(" rows=").append(node.path("Actual Rows").asLong()).append(" loops=")
                .append(node.path("Actual Loops").asLong());
        if (node.has("Rows Removed by Filter")) {
            text.append(" removed=").append(node.path("Rows Removed by Filter").asLong());
        }
        text.append('\n');
        for (JsonNode child : node.path("Plans")) {
            text.append(outline(child, indent + "  "));
        }
        return text.toString();
    }

    private int taxon(String permalink) {
        return ((Number) em.createNativeQuery("select id from taxons where permalink = :p").setParameter("p", permalink)
                .getSingleResult()).intValue();
    }

    /**
     * The rows a page's statement shows: its page and the ones before it, or, when it counts its matches too
     * ({@link CatalogQueries#counted}), up to what the pages can show plus one.
     */
    private long window(ListingQuery q, int taxonId) {
        return CatalogQueries.counted(q, catalog.filters(q), taxonId) ? q.shown() + 1 : q.offset() + ListingQuery.PAGE_SIZE;
    }

    private List<Checked> statements() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Checked> all = new ArrayList<>();
        List<Integer> taxons = List.of(CatalogQueries.ALL_PRODUCTS, taxon("categories"), taxon("brands"),
                taxon("categories/clothing"), taxon("categories/clothing/shirts"), taxon("collections/sale"));
        List<ListingQuery> queries = new ArrayList<>();
        for (ListingSort sort : List.of(ListingSort.NEWEST, ListingSort.PRICE_ASC, ListingSort.PRICE_DESC, ListingSort.NAME)) {
            for (int page : List.of(1, 25, ListingQuery.MAX_PAGE)) {
                queries.add(query(null, List.of(), List.of(), null, null, sort, page));
            }
            for (int page : List.of(1, 10)) {
                queries.add(query(null, List.of("m"), List.of(), null, null, sort, page));
                queries.add(query(null, List.of(), List.of("black"), null, null, sort, page));
                queries.add(query(null, List.of("m", "l"), List.of("navy", "white"), null, null, sort, page));
                queries.add(query(null, List.of(), List.of(), new BigDecimal("20"), new BigDecimal("60"), sort, page));
                queries.add(query(null, List.of("s"), List.of("olive"), null, new BigDecimal("80"), sort, page));
            }
        }
        for (int taxonId : taxons) {
            for (ListingQuery q : queries) {
                all.add(Checked.paged(CatalogQueries.cardsSql(q, catalog.filters(q), taxonId, now), window(q, taxonId)));
                if (q.narrowed() && q.page() == 1 && !CatalogQueries.countedByFacets(q)) {
                    all.add(Checked.paged(CatalogQueries.countSql(q, catalog.filters(q), taxonId, now), q.shown() + 1));
                }
            }
            all.add(Checked.paged(CatalogQueries.facetCountsSql(taxonId), 100));
            all.add(Checked.paged(CatalogQueries.relatedSql(taxonId, ProductPages.RELATED + 1, now),
                    3L * (ProductPages.RELATED + 1)));
        }
        // searches: common, middling and rare words, several words, with filters, by relevance and by price
        List<String> words = List.of("workshop", "linen", "hoodie", "merino scarf", "quilted", "cashmere cardigan", "xqzvbnwp",
                "made", "hoodie or mug", "shirt -linen", "classic hoodie", "the", "workshop workshop");
        for (String keywords : words) {
            for (int page : List.of(1, 5, ListingQuery.MAX_SEARCH_PAGE)) {
                ListingQuery q = query(keywords, List.of(), List.of(), null, null, ListingSort.RELEVANCE, page);
                all.add(Checked.paged(CatalogQueries.cardsSql(q, catalog.filters(q), CatalogQueries.ALL_PRODUCTS, now),
                        2L * window(q, CatalogQueries.ALL_PRODUCTS)));
            }
            ListingQuery filtered = query(keywords, List.of("m"), List.of(), null, new BigDecimal("90"), ListingSort.RELEVANCE, 1);
            all.add(Checked.paged(CatalogQueries.cardsSql(filtered, catalog.filters(filtered), CatalogQueries.ALL_PRODUCTS, now),
                    2L * window(filtered, CatalogQueries.ALL_PRODUCTS)));
            // sorted searches: rare words gather their matches, common ones walk the sort index within their prices
            for (ListingSort sort : List.of(ListingSort.PRICE_ASC, ListingSort.PRICE_DESC, ListingSort.NAME, ListingSort.NEWEST)) {
                for (int page : List.of(1, 5)) {
                    ListingQuery sorted = query(keywords, List.of(), List.of(), null, null, sort, page);
                    all.add(Checked.paged(CatalogQueries.cardsSql(sorted, catalog.filters(sorted), CatalogQueries.ALL_PRODUCTS, now),
                            window(sorted, CatalogQueries.ALL_PRODUCTS)));
                }
                ListingQuery narrowed = query(keywords, List.of("m"), List.of(), new BigDecimal("30"), new BigDecimal("90"), sort, 1);
                all.add(Checked.paged(CatalogQueries.cardsSql(narrowed, catalog.filters(narrowed), CatalogQueries.ALL_PRODUCTS, now),
                        window(narrowed, CatalogQueries.ALL_PRODUCTS)));
            }
            ListingQuery byPrice = query(keywords, List.of(), List.of(), null, null, ListingSort.PRICE_ASC, 1);
            all.add(Checked.paged(CatalogQueries.countSql(byPrice, catalog.filters(byPrice), CatalogQueries.ALL_PRODUCTS, now),
                    byPrice.shown() + 1));
            ListingQuery inTaxon = query(keywords, List.of(), List.of(), null, null, ListingSort.RELEVANCE, 1);
            all.add(Checked.paged(CatalogQueries.cardsSql(inTaxon, catalog.filters(inTaxon), taxon("categories/clothing"), now),
                    2L * window(inTaxon, taxon("categories/clothing"))));
        }
        // best match with filters its words' products rarely or never have: the page gathers the few matches
        // instead of walking the date index past every product ("mug" has colours only)
        for (ListingQuery rare : List.of(query("mug", List.of("xxl"), List.of(), null, null, ListingSort.RELEVANCE, 1),
                query("holdall", List.of(), List.of(), null, new BigDecimal("79"), ListingSort.RELEVANCE, 1),
                query("leather", List.of("m"), List.of(), null, null, ListingSort.PRICE_ASC, 1),
                query("cashmere", List.of("xs"), List.of("burgundy"), null, null, ListingSort.RELEVANCE, 1))) {
            all.add(Checked.paged(CatalogQueries.cardsSql(rare, catalog.filters(rare), CatalogQueries.ALL_PRODUCTS, now),
                    2L * window(rare, CatalogQueries.ALL_PRODUCTS)));
        }
        all.add(Checked.paged(CatalogQueries.wordsSql("merino scarf", false, List.of(), List.of()), 2));
        all.add(Checked.paged(CatalogQueries.wordsSql("hoodie or mug", true, catalog.filters(query(null, List.of("m", "l"),
                List.of("navy"), null, null, ListingSort.NEWEST, 1)).sizes(), List.of()), 2));
        long vocabulary = ((Number) em.createNativeQuery("select count(*) from search_words").getSingleResult()).longValue();
        all.add(Checked.returning(CatalogQueries.vocabularySql(SearchVocabulary.MAX_WORDS + 1), 2 * vocabulary));
        List<Long> sampled = new ArrayList<>();
        for (long id = 1; id <= SearchVocabulary.SAMPLE; id++) {
            sampled.add(id * 7);
        }
        all.add(Checked.returning(CatalogQueries.optionSampleSql(sampled), SearchVocabulary.SAMPLE));
        all.add(Checked.paged(CatalogQueries.correctionSql("hoddie oxfrod shirts"), 50));
        String permalink = "categories/clothing/shirts";
        all.add(Checked.paged(CatalogQueries.taxonTreeSql(permalink, CatalogQueries.chain(permalink)), 50));
        @SuppressWarnings("unchecked")
        List<String> slugs = em.createNativeQuery("select slug from product_listings order by product_id desc limit 3").getResultList();
        for (String slug : slugs) {
            all.add(Checked.paged(CatalogQueries.productSql(slug, now), 50));
        }
        all.add(Checked.paged(CatalogQueries.featuredSql(8, now), 8));
        all.add(Checked.paged(CatalogQueries.taxonsSql(), 100));
        all.add(Checked.paged(CatalogQueries.optionValuesSql(), 50));
        all.add(Checked.paged(CatalogQueries.sitemapSizeSql(), 1));
        // the products not yet available, which every listing's facets leave out: each is read once, not per page
        long upcoming = ((Number) em.createNativeQuery("select count(*) from product_listings where available_on > :now")
                .setParameter("now", now).getSingleResult()).longValue();
        all.add(Checked.returning(CatalogQueries.upcomingSql(now), upcoming));
        all.add(Checked.returning(CatalogQueries.sitemapTaxonsSql(1, LargeCatalogProfile.URLS_PER_FILE), LargeCatalogProfile.URLS_PER_FILE));
        all.add(Checked.returning(CatalogQueries.sitemapProductsSql(2, LargeCatalogProfile.URLS_PER_FILE, now),
                LargeCatalogProfile.URLS_PER_FILE));
        return all;
    }

    private static ListingQuery query(String keywords, List<String> sizes, List<String> colors, BigDecimal min,
            BigDecimal max, ListingSort sort, int page) {
        return new ListingQuery(null, keywords, sizes, colors, min, max, sort, page);
    }
}
