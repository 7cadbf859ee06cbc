package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mirshop.platform.cache.RefreshAheadThreads;
import dev.mirshop.storefront.catalog.CatalogFixtures.VariantSpec;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A search's words come from memory when the catalog has each of them as a plain word, and they must then be what
 * PostgreSQL's parser makes of the same keywords: the same expected matches, price range and name range. (The demo
 * catalog's words are each in fewer products than a sample needs, so their options' share is the catalog's, as
 * PostgreSQL's is; SortedSearchTest checks a sampled one.)
 */
@QuarkusTest
class SearchVocabularyTest {

    @Inject
    SearchVocabulary vocabulary;
    @Inject
    CatalogQueries catalog;
    @Inject
    OptionValueDirectory optionValues;
    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void readAgain() {
        vocabulary.forget();
    }

    @ParameterizedTest(name = "{0}, sizes {1}, colors {2}, {3} to {4}")
    @CsvSource(delimiter = ';', value = { "hoodie;;;;", "Merino SWEATER;;;;", "tee Tee;;;;", "  linen   shirt ;m;;;60",
            "hoodie;m l;black;20;", "leather bag;;brown;;", "tee;xs;;;", "hoodie mug;;;;", "shirt;;;30;40" })
    void wordsFromMemoryAreThoseOfThePostgreSqlParser(String keywords, String sizes, String colors, String min,
            String max) {
        ListingQuery q = new ListingQuery(null, keywords, list(sizes), list(colors), price(min), price(max),
                ListingSort.PRICE_ASC, 1);
        List<Integer> sizeIds = optionValues.ids("size", q.sizes());
        List<Integer> colorIds = optionValues.ids("color", q.colors());
        SearchVocabulary.Known known = vocabulary.lookUp(keywords).orElseThrow();
        CatalogQueries.Words fromMemory = CatalogQueries.words(known, sizeIds, colorIds, q);
        CatalogQueries.Words fromDatabase = catalog.wordsFromDatabase(keywords, false, sizeIds, colorIds, q);
        assertThat(fromMemory.matches()).isCloseTo(fromDatabase.matches(), within(1e-6 * Math.max(1, fromDatabase.matches())));
        assertThat(fromMemory.priceShare()).isCloseTo(fromDatabase.priceShare(), within(1e-9));
        assertThat(fromMemory.products()).isEqualTo(fromDatabase.products());
        assertThat(fromMemory.lowest()).isEqualTo(fromDatabase.lowest());
        assertThat(fromMemory.highest()).isEqualTo(fromDatabase.highest());
        assertThat(fromMemory.firstName()).isEqualTo(fromDatabase.firstName());
        assertThat(fromMemory.lastName()).isEqualTo(fromDatabase.lastName());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({ "hoddie", "t-shirt", "the hoodie", "café", "hoodie 2", "hoodies-", "hoodie or mug" })
    void keywordsThatAreNotAllPlainWordsOfTheCatalogAreLeftToPostgreSql(String keywords) {
        assertThat(vocabulary.lookUp(keywords)).isEmpty();
    }

    @Test
    void aProductWithANewWordIsFoundOnceTheWordsAreReadAgain() {
        String word = CatalogFixtures.token();
        CatalogFixtures.product(em, word, word + " Lamp", "A lamp.", CatalogFixtures.taxon(em, word), 1,
                VariantSpec.of("30.00", 2));
        assertThat(vocabulary.lookUp(word)).as("read again after the fixture").isPresent();
        String html = given().queryParam("keywords", word).get("/products").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(html).select(".product-card")).hasSize(1);
    }

    @Test
    void anAgedSampleServesTheSearchWhileTheNextIsDrawnAside() {
        assertThat(vocabulary.lookUp("hoodie")).isPresent();
        assertThat(vocabulary.sampleFresh()).isTrue();
        vocabulary.ageSample();
        assertThat(vocabulary.sampleFresh()).isFalse();
        assertThat(vocabulary.lookUp("hoodie")).as("answered with the aged sample").isPresent();
        await().atMost(Duration.ofSeconds(10)).until(vocabulary::sampleFresh);
    }

    @Test
    void searchesThatFindTheVocabularyMissingAtOnceReadItOnceBetweenThem() throws Exception {
        double vocabularyReads = statements("search_vocabulary");
        double sampleReads = statements("search_sample");
        ExecutorService shoppers = Executors.newFixedThreadPool(12);
        List<Future<Integer>> searches = new ArrayList<>();
        try {
            try (Connection holder = dataSource.getConnection()) {
                // the words stay locked until every search has come for them: each one finds them missing
                holder.setAutoCommit(false);
                holder.createStatement().execute("lock table search_words in access exclusive mode");
                for (int i = 0; i < 12; i++) {
                    // each its own page, so that no two of them share one load of the page
                    String sort = List.of("newest", "price_asc", "price_desc", "name").get(i % 4);
                    int page = i / 4 + 1;
                    searches.add(shoppers.submit(() -> given().queryParam("keywords", "hoodie").queryParam("sort", sort)
                            .queryParam("page", page).get("/products").statusCode()));
                }
                // each search waits: for the words in PostgreSQL, or for another search's read of them
                await().atMost(Duration.ofSeconds(20)).until(() -> waitingForTheWords() >= 12);
                holder.commit();
            }
            for (Future<Integer> search : searches) {
                assertThat(search.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            shoppers.shutdownNow();
        }
        assertThat(statements("search_vocabulary") - vocabularyReads).as("vocabulary reads").isEqualTo(1);
        assertThat(statements("search_sample") - sampleReads).as("samples drawn").isEqualTo(1);
    }

    /** Sessions waiting for a lock in PostgreSQL, and threads waiting for a directory's load under way. */
    private long waitingForTheWords() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet waiting = statement.executeQuery(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            waiting.next();
            return waiting.getLong(1) + RefreshAheadThreads.waitingForTheLoad();
        }
    }

    /** How many statements of this kind the shop has sent, from its metrics. */
    private static double statements(String kind) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("shop_catalog_statements_seconds_count{") && l.contains("kind=\"" + kind + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static List<String> list(String values) {
        return values == null ? List.of() : List.of(values.trim().split("\\s+"));
    }

    private static BigDecimal price(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
