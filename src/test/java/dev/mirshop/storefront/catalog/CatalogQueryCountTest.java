package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hibernate.SessionFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import dev.mirshop.storefront.catalog.CatalogFixtures.VariantSpec;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The pages the benchmark measures issue a fixed, small number of SQL statements, whatever the number of products
 * shown (no N+1), when they are built; then the shared page cache serves them with none, until an order changes
 * stock. Counted with Hibernate's statistics, switched on for this test only, plus the catalog's own statements
 * ({@code shop_catalog_statements_total}: CatalogSql runs them over JDBC).
 */
@QuarkusTest
@TestProfile(CatalogQueryCountTest.WithStatistics.class)
class CatalogQueryCountTest {

    @Inject
    EntityManager em;

    public static class WithStatistics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hibernate-orm.statistics", "true");
        }
    }

    @Inject
    SessionFactory sessionFactory;
    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    /** Hibernate's statistics count every statement of the process: the mail outbox's polls must not land in them. */
    @org.junit.jupiter.api.BeforeEach
    void pauseTheMailJobs() {
        scheduler.pause("mail-outbox");
        scheduler.pause("mail-outbox-gauges");
    }

    @org.junit.jupiter.api.AfterEach
    void resumeTheMailJobs() {
        scheduler.resume("mail-outbox");
        scheduler.resume("mail-outbox-gauges");
    }

    @Inject
    CatalogCache pages;
    @Inject
    MeterRegistry registry;

    @Inject
    FacetDirectory facets;
    @Inject
    SearchVocabulary vocabulary;
    @Inject
    java.time.Clock clock;

    /**
     * SQL statements one GET issues when the page is built (after a warm-up request, so the menu and the facet
     * counts of its taxon are in memory, and with the page cache emptied); a second GET, served from the cache, must
     * issue none.
     */
    private long statements(String url) {
        facets.forget(); // read again by the warm-up, so their seconds in memory cannot run out before the page
        vocabulary.forget();
        given().get(url).then().statusCode(200);
        pages.invalidateAll();
        long before = statementsSoFar();
        given().get(url).then().statusCode(200);
        long built = statementsSoFar() - before;

        long cached = statementsSoFar();
        given().get(url).then().statusCode(200);
        assertThat(statementsSoFar() - cached).as("statements of %s from the page cache", url).isZero();
        return built;
    }

    /** Every statement so far: Hibernate's, and the catalog's, which go over JDBC (CatalogSql counts them). */
    private long statementsSoFar() {
        double catalog = registry.find("shop.catalog.statements").timers().stream().mapToDouble(Timer::count).sum();
        return sessionFactory.getStatistics().getPrepareStatementCount() + (long) catalog;
    }

    @Test
    void homeIsOneQuery() {
        assertThat(statements("/")).isEqualTo(1);
    }

    @Test
    void listingIsOneStatementThatCountsWhenFiltered() {
        long full = statements("/t/categories/clothing");
        assertThat(Jsoup.parse(given().get("/t/categories/clothing").asString()).select(".product-card")).hasSize(12);
        long oneColor = statements("/t/categories/bags?color=brown");
        long priced = statements("/t/categories/clothing?max_price=1000");
        long pricedOnePage = statements("/t/categories/bags?max_price=1000");
        // cards; the facet counts in memory give the listing's total, and a one-size or one-color listing's; any
        // other filter has the cards' statement count its matches too. The taxon itself comes from the taxon
        // directory's snapshot.
        assertThat(full).isEqualTo(1);
        assertThat(oneColor).isEqualTo(1);
        assertThat(priced).isEqualTo(1);
        assertThat(pricedOnePage).isEqualTo(1);
        Document clothing = Jsoup.parse(given().get("/t/categories/clothing?max_price=1000").asString());
        assertThat(clothing.select(".result-count").text()).as("every clothing product, counted by the cards' statement")
                .isEqualTo("1–12 of " + clothingProducts() + " products");
        Document bags = Jsoup.parse(given().get("/t/categories/bags?max_price=1000").asString());
        assertThat(bags.select(".result-count").text()).as("a page with room left counts its matches from its cards")
                .isEqualTo(bags.select(".product-card").size() + " products");
        assertThat(statements("/t/categories/clothing?page=3&sort=price_desc")).isEqualTo(full);
    }

    private long clothingProducts() {
        return ((Number) em.createNativeQuery("""
                select count(*) from listing_entries e join taxons t on t.id = e.taxon_id
                where t.permalink = 'categories/clothing' and e.available_on <= :now and e.price <= 1000
                """).setParameter("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .getSingleResult()).longValue();
    }

    @Test
    void searchIsOneStatementOfCardsThatCountTheirMatches() {
        String word = CatalogFixtures.token();
        String taxon = CatalogFixtures.taxon(em, word);
        for (int i = 0; i < ListingQuery.PAGE_SIZE + 1; i++) {
            CatalogFixtures.product(em, word + "-" + i, word + " Lantern " + i, "A lantern.", taxon, i + 1,
                    VariantSpec.of("20.00", 4));
        }
        // the cards with their count, the words' bounds coming from the vocabulary in memory; only a page past the
        // last one has no row to carry the count, and counts on its own
        assertThat(statements("/products?keywords=" + word + "&sort=price_asc")).isEqualTo(1);
        assertThat(statements("/products?keywords=" + word)).isEqualTo(1);
        assertThat(statements("/products?keywords=" + word + "&sort=price_asc&page=2")).as("the last page, with room left")
                .isEqualTo(1);
        assertThat(statements("/products?keywords=" + word + "&page=3")).as("past the last page").isEqualTo(2);
        // words of the catalog that no product has together: nothing to correct, so no "Did you mean" is looked for
        assertThat(statements("/products?keywords=" + word + " hoodie")).isEqualTo(1);
        // a word the catalog has only in another form is looked up in PostgreSQL, whose stemmer makes it "lantern"
        assertThat(statements("/products?keywords=" + word + " lanterns")).isEqualTo(2);
        assertThat(Jsoup.parse(given().get("/products?keywords=" + word + "&page=3").asString()).text())
                .contains("There are no products on this page.");
        assertThat(statements("/products")).isEqualTo(1);
        assertThat(Jsoup.parse(given().get("/products?keywords=" + word + "&page=2").asString()).select(".result-count").text())
                .isEqualTo("13–13 of 13 products");
        assertThat(Jsoup.parse(given().get("/products?keywords=" + word).asString()).select(".result-count").text())
                .isEqualTo("1–12 of 13 products");
    }

    @Test
    void productPageIsOneStatementWhateverTheNumberOfVariantsOnceItsCategorysSuggestionsAreRead() {
        pages.invalidateAll(); // no page built, no category's suggestions in memory
        // each page reads its product (variants, options, images and properties in one statement); the first page of
        // a category also reads the products it suggests, which the category's other pages then take from memory
        assertThat(statementsOfOneGet("/products/essential-crew-tee")).as("the first tee").isEqualTo(2);
        assertThat(statementsOfOneGet("/products/organic-pocket-tee")).as("another tee, many variants").isEqualTo(1);
        assertThat(statementsOfOneGet("/products/canvas-market-tote")).as("the first bag").isEqualTo(2);
        assertThat(statementsOfOneGet("/products/leather-weekender-bag")).as("another bag, one variant").isEqualTo(1);
    }

    private long statementsOfOneGet(String url) {
        long before = statementsSoFar();
        given().get(url).then().statusCode(200);
        return statementsSoFar() - before;
    }
}
