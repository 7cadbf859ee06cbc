package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A search reads its page one of two ways (gathered for rare words, a walk of the sort
 * index within the words' prices, or of the date index for "best match", for common ones; see
 * {@code CatalogQueries.cardsSql}). Either way the page must
 * be exactly the one a plain query over every listing gives, also after a price edit or a rename moved a product
 * outside the range of prices or names its words had at the last rebuild.
 */
@QuarkusTest
@TestProfile(LargeCatalogProfile.class)
class SortedSearchTest {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CatalogQueries catalog;

    @BeforeEach
    void loaded() {
        LargeCatalogProfile.awaitLoaded();
    }

    @ParameterizedTest(name = "{0} sorted by {1}, page {2}")
    @CsvSource({
            "hoodie, price_asc, 1", "hoodie, price_desc, 2", "hoodie, name, 1", "hoodie, newest, 3",
            "workshop, price_asc, 1", "workshop, price_desc, 4", "workshop, name, 2",
            "made, price_desc, 1", "quilted jacket, price_asc, 1", "linen, price_desc, 1",
            "cashmere cardigan, name, 1", "hoodie or mug, price_desc, 1", "shirt -linen, price_asc, 1",
            "workshop Workshop, newest, 2", "hoodie hoodie, price_asc, 1" })
    void aSortedSearchShowsWhatAPlainQueryOfEveryListingShows(String keywords, String sort, int page) {
        assertThat(shown(keywords, sort, page)).isEqualTo(expected(keywords, sort, page)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} sorted by {1}, {2} to {3}")
    @CsvSource({ "hoodie, price_asc, 60, 90", "workshop, price_desc, 20, 45", "linen, name, 0, 60",
            "made, newest, 100, 150" })
    void aPriceRangeNarrowsBothWaysAlike(String keywords, String sort, int min, int max) {
        String html = given().queryParam("keywords", keywords).queryParam("sort", sort).queryParam("min_price", min)
                .queryParam("max_price", max).get("/products").then().statusCode(200).extract().asString();
        List<String> shown = slugs(html);
        String order = ListingSort.fromParam(sort).orElseThrow().orderBy("l.");
        @SuppressWarnings("unchecked")
        List<String> expected = em.createNativeQuery("select l.slug from product_listings l where l.available_on <= :now"
                + " and l.search_vector @@ websearch_to_tsquery('shop_search', :k) and l.price between :min and :max"
                + " order by " + order + " limit " + ListingQuery.PAGE_SIZE).setParameter("now", now())
                .setParameter("k", keywords).setParameter("min", min).setParameter("max", max).getResultList();
        assertThat(shown).isEqualTo(expected).isNotEmpty();
        assertThat(Jsoup.parse(html).select(".result-count").text()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}, {1} to {2}, page {3}")
    @CsvSource({ "cashmere cardigan, 0, 9999, 1", "hoodie, 0, 9999, 2", "linen, 0, 60, 1", "quilted jacket, 50, 200, 1",
            "workshop, 20, 45, 3" })
    void aBestMatchPageListsNameMatchesFirstThenTheOtherMatchesNewestFirst(String keywords, int min, int max, int page) {
        String html = given().queryParam("keywords", keywords).queryParam("min_price", min).queryParam("max_price", max)
                .queryParam("page", page).get("/products").then().statusCode(200).extract().asString();
        List<String> shown = slugs(html);
        @SuppressWarnings("unchecked")
        List<String> expected = em.createNativeQuery("select l.slug from product_listings l where l.available_on <= :now"
                + " and l.search_vector @@ websearch_to_tsquery('shop_search', :k) and l.price between :min and :max"
                + " order by case when l.name_vector @@ websearch_to_tsquery('shop_search', :k) then 0 else 1 end,"
                + " l.created_at desc, l.product_id desc limit :limit offset :offset").setParameter("now", now())
                .setParameter("k", keywords).setParameter("min", min).setParameter("max", max)
                .setParameter("limit", ListingQuery.PAGE_SIZE).setParameter("offset", (page - 1) * ListingQuery.PAGE_SIZE)
                .getResultList();
        assertThat(shown).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void aWordWithASizeNoneOfItsProductsHasFindsNothing() {
        String html = given().queryParam("keywords", "mug").queryParam("size", "xxl").get("/products").then()
                .statusCode(200).extract().asString();
        assertThat(Jsoup.parse(html).select(".product-card")).isEmpty();
        assertThat(Jsoup.parse(html).select(".result-count").text()).isEqualTo("No products");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "workshop", "hoodie" })
    void aProductMadeCheaperThanEveryOtherWithItsWordsComesFirstAtOnce(String keyword) {
        long product = ((Number) em.createNativeQuery("select product_id from product_listings"
                + " where search_vector @@ websearch_to_tsquery('shop_search', :k) and available_on <= :now"
                + " order by product_id desc limit 1").setParameter("k", keyword).setParameter("now", now()).getSingleResult()).longValue();
        String slug = (String) em.createNativeQuery("select slug from products where id = :id").setParameter("id", product)
                .getSingleResult();
        List<?> before = prices(product);
        try {
            setPrices(product, "0.50");
            assertThat(shown(keyword, "price_asc", 1)).first().isEqualTo(slug);
            setPrices(product, "9999.00");
            assertThat(shown(keyword, "price_desc", 1)).first().isEqualTo(slug);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update variants v set price = o.price from (select unnest(cast(:ids as bigint[])) as id,"
                            + " unnest(cast(:prices as numeric[])) as price) o where v.id = o.id")
                    .setParameter("ids", "{" + String.join(",", before.stream().map(r -> ((Object[]) r)[0].toString()).toList()) + "}")
                    .setParameter("prices", "{" + String.join(",", before.stream().map(r -> ((Object[]) r)[1].toString()).toList()) + "}")
                    .executeUpdate());
            CatalogFixtures.catalogChanged();
        }
        assertThat(shown(keyword, "price_asc", 1)).isEqualTo(expected(keyword, "price_asc", 1));
    }

    @Test
    void aWordOfManyProductsShowsMoreThanThePagesCanShowWithoutCountingItsMatches() {
        long workshop = ((Number) em.createNativeQuery("select count(*) from product_listings"
                + " where search_vector @@ websearch_to_tsquery('shop_search', 'workshop') and available_on <= :now")
                .setParameter("now", now()).getSingleResult()).longValue();
        ListingQuery alone = new ListingQuery(null, "workshop", List.of(), List.of(), null, null, ListingSort.RELEVANCE, 1);
        assertThat(workshop).as("workshop products in the generated catalog")
                .isGreaterThan(CatalogQueries.SURELY_MORE * (alone.shown() + 1L));
        assertThat(CatalogQueries.counted(alone, catalog.filters(alone), CatalogQueries.ALL_PRODUCTS)).isFalse();
        assertThat(CatalogQueries.cardsSql(alone, catalog.filters(alone), CatalogQueries.ALL_PRODUCTS, now()).params())
                .as("no cap to count up to").doesNotContainKey("cap");
        String html = given().queryParam("keywords", "workshop").get("/products").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(html).select(".result-count").text()).isEqualTo("1–12 of more than " + alone.shown() + " products");
        assertThat(Jsoup.parse(html).select(".product-card")).hasSize(ListingQuery.PAGE_SIZE);

        // what the vocabulary cannot vouch for is counted: a word ruled out, an option, a price, a taxon
        for (ListingQuery narrowed : List.of(
                new ListingQuery(null, "workshop -linen", List.of(), List.of(), null, null, ListingSort.RELEVANCE, 1),
                new ListingQuery(null, "workshop", List.of("m"), List.of(), null, null, ListingSort.RELEVANCE, 1),
                new ListingQuery(null, "workshop", List.of(), List.of(), null, new BigDecimal("25"), ListingSort.RELEVANCE, 1),
                new ListingQuery(null, "workshop hoodie", List.of(), List.of(), null, null, ListingSort.RELEVANCE, 1))) {
            assertThat(CatalogQueries.counted(narrowed, catalog.filters(narrowed), CatalogQueries.ALL_PRODUCTS))
                    .as(narrowed.keywords() + " " + narrowed.sizes() + " " + narrowed.maxPrice()).isTrue();
        }
        assertThat(CatalogQueries.counted(alone, catalog.filters(alone), ((Number) em.createNativeQuery("select id from taxons where permalink = 'categories/clothing'")
                .getSingleResult()).intValue()))
                .as("in a taxon").isTrue();
        // a price that keeps about 60 of them: their count is exact
        BigDecimal bound = (BigDecimal) em.createNativeQuery("select price from product_listings"
                + " where search_vector @@ websearch_to_tsquery('shop_search', 'workshop') and available_on <= :now"
                + " order by price limit 1 offset 59").setParameter("now", now()).getSingleResult();
        long cheap = ((Number) em.createNativeQuery("select count(*) from product_listings"
                + " where search_vector @@ websearch_to_tsquery('shop_search', 'workshop') and available_on <= :now"
                + " and price <= :bound").setParameter("now", now()).setParameter("bound", bound).getSingleResult()).longValue();
        assertThat(cheap).isBetween(60L, (long) alone.shown());
        String few = given().queryParam("keywords", "workshop").queryParam("max_price", bound.toPlainString())
                .get("/products").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(few).select(".result-count").text()).as("counted exactly")
                .isEqualTo("1–12 of " + cheap + " products");
    }

    @Test
    void aSizeTheWordsProductsNeverHaveIsExpectedToMatchNoneSoThePageGathersInsteadOfWalkingTheCatalog() {
        OffsetDateTime now = now();
        long leather = ((Number) em.createNativeQuery("select count(*) from product_listings"
                + " where search_vector @@ websearch_to_tsquery('shop_search', 'leather') and available_on <= :now")
                .setParameter("now", now).getSingleResult()).longValue();
        long inM = ((Number) em.createNativeQuery("select count(*) from product_listings"
                + " where search_vector @@ websearch_to_tsquery('shop_search', 'leather') and available_on <= :now"
                + " and option_ids && (select array_agg(cast(v.id as int)) from option_values v join option_types t"
                + " on t.id = v.option_type_id where t.name = 'size' and v.name = 'm')")
                .setParameter("now", now).getSingleResult()).longValue();
        assertThat(leather).as("leather goods in the generated catalog").isGreaterThan(1_000);
        assertThat(inM).as("leather goods come in no size").isZero();
        ListingQuery q = new ListingQuery(null, "leather", List.of("m"), List.of(), null, null, ListingSort.PRICE_ASC, 1);
        CatalogQueries.Words words = catalog.filters(q).words();
        // the catalog's share of size M would expect a quarter of the leather goods, and the page would walk the
        // price index through all of them
        assertThat(words.matches()).isLessThan(CatalogQueries.GATHERED / 10.0);
        assertThat(words.gathered(ListingQuery.PAGE_SIZE)).isTrue();
        String html = given().queryParam("keywords", "leather").queryParam("size", "m").get("/products")
                .then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(html).select(".product-card")).isEmpty();
    }

    @Test
    void aProductRenamedAheadOfEveryOtherWithItsWordsComesFirstByName() {
        // "workshop" is in thousands of descriptions: sorted by name, its page walks the name index from the first
        // name its products had at the last rebuild, which a rename must widen
        long product = ((Number) em.createNativeQuery("select product_id from product_listings"
                + " where search_vector @@ websearch_to_tsquery('shop_search', 'workshop') and available_on <= :now"
                + " order by product_id desc limit 1").setParameter("now", now()).getSingleResult()).longValue();
        String slug = (String) em.createNativeQuery("select slug from products where id = :id").setParameter("id", product)
                .getSingleResult();
        String name = (String) em.createNativeQuery("select name from products where id = :id").setParameter("id", product)
                .getSingleResult();
        assertThat(shown("workshop", "name", 1)).doesNotContain(slug);
        try {
            rename(product, "Aaa " + name);
            assertThat(shown("workshop", "name", 1)).first().isEqualTo(slug);
        } finally {
            rename(product, name);
        }
        assertThat(shown("workshop", "name", 1)).isEqualTo(expected("workshop", "name", 1));
    }

    private void rename(long product, String name) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update products set name = :name where id = :p")
                .setParameter("name", name).setParameter("p", product).executeUpdate());
        CatalogFixtures.catalogChanged();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private List<?> prices(long product) {
        return em.createNativeQuery("select id, price from variants where product_id = :p").setParameter("p", product)
                .getResultList();
    }

    private void setPrices(long product, String price) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update variants set price = cast(:price as numeric), compare_at_price = null where product_id = :p")
                .setParameter("price", price).setParameter("p", product).executeUpdate());
        // as if the few seconds had passed for which the pages and the search words are kept in memory
        CatalogFixtures.catalogChanged();
    }

    /** The slugs the search page shows, in order. */
    static List<String> shown(String keywords, String sort, int page) {
        String html = given().queryParam("keywords", keywords).queryParam("sort", sort).queryParam("page", page)
                .get("/products").then().statusCode(200).extract().asString();
        return slugs(html);
    }

    /** The same page by a plain query over every listing, sorted as the sort says. */
    @SuppressWarnings("unchecked")
    private List<String> expected(String keywords, String sort, int page) {
        String order = ListingSort.fromParam(sort).orElseThrow().orderBy("l.");
        return em.createNativeQuery("select l.slug from product_listings l where l.available_on <= :now"
                + " and l.search_vector @@ websearch_to_tsquery('shop_search', :k) order by " + order
                + " limit :limit offset :offset")
                .setParameter("now", now())
                .setParameter("k", keywords).setParameter("limit", ListingQuery.PAGE_SIZE)
                .setParameter("offset", (page - 1) * ListingQuery.PAGE_SIZE).getResultList();
    }

    /** The products a listing page shows, by slug, in order. */
    static List<String> slugs(String html) {
        return Jsoup.parse(html).select(".product-card a[href^=/products/]").eachAttr("href").stream()
                .map(href -> href.substring("/products/".length())).distinct().toList();
    }
}
