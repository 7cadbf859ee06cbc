package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * SHOP_DEMO_CATALOG_SIZE=20000: the demo data becomes a generated catalog of that many products, loaded at startup
 * while readiness says so, realistic (variants, taxons, brands, prices, stock, texts, carts), loaded once however
 * often the shop restarts, and served by pages whose counts match the database.
 */
@QuarkusTest
@TestProfile(LargeCatalogProfile.class)
class CatalogAtScaleTest {

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;
    @Inject
    DemoCatalogLoader loader;

    @BeforeEach
    void loaded() {
        LargeCatalogProfile.awaitLoaded();
    }

    private long count(String sql) {
        return ReadModel.count(em, sql);
    }

    /** Products the generator made: those with generated SKUs. */
    private static final String GENERATED = "exists (select 1 from variants gv where gv.product_id = p.id and gv.sku like 'G%')";

    @Test
    void readinessSaysTheCatalogIsLoaded() {
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("checks.find { it.name == 'demo-catalog' }.status")).isEqualTo("UP");
        assertThat(health.getString("checks.find { it.name == 'demo-catalog' }.data.state")).isEqualTo("loaded");
        assertThat(health.getInt("checks.find { it.name == 'demo-catalog' }.data.size")).isEqualTo(LargeCatalogProfile.PRODUCTS);
    }

    @Test
    void theGeneratedCatalogIsRealistic() {
        assertThat(count("select count(*) from products")).isEqualTo(LargeCatalogProfile.PRODUCTS);
        assertThat(count("select count(*) from variants")).isGreaterThanOrEqualTo(3L * LargeCatalogProfile.PRODUCTS);
        assertThat(count("select count(*) from (select p.id from products p join variants v on v.product_id = p.id where "
                + GENERATED + " group by p.id having count(*) not between 3 and 12) x")).as("3 to 12 variants").isZero();
        assertThat(count("select count(distinct v.product_id) from variants v join variants_option_values vov on vov.variant_id = v.id"
                + " join option_values ov on ov.id = vov.option_value_id join option_types ot on ot.id = ov.option_type_id"
                + " where ot.name = 'size'")).as("sized products").isGreaterThan(LargeCatalogProfile.PRODUCTS / 4);
        assertThat(count("select count(*) from (select p.id from products p left join products_taxons pt on pt.product_id = p.id"
                + " group by p.id having count(pt.taxon_id) not between 1 and 4) x")).as("1 to 4 taxons").isZero();
        assertThat(count("select count(*) from products p where " + GENERATED + " and not exists (select 1 from products_taxons pt"
                + " join taxons t on t.id = pt.taxon_id where pt.product_id = p.id and t.permalink like 'brands/%')")).as("brandless").isZero();
        assertThat(count("select count(*) from taxons where permalink like 'brands/%'")).isGreaterThanOrEqualTo(100);
        assertThat(count("select count(*) from taxons where permalink like 'categories/%/%'")).isGreaterThanOrEqualTo(20);
        assertThat(count("select count(distinct price) from variants")).as("varied prices").isGreaterThan(300);
        assertThat(count("select count(distinct product_id) from variants where compare_at_price > price"))
                .as("on sale").isGreaterThan(LargeCatalogProfile.PRODUCTS / 20);
        long variants = count("select count(*) from variants");
        assertThat(count("select count(*) from variants where stock_on_hand = 0")).as("sold out variants")
                .isBetween(variants / 50, variants / 5);
        assertThat(count("select count(*) from variants where stock_on_hand between 1 and 3")).as("low stock").isGreaterThan(variants / 20);
        assertThat(count("select count(*) from product_listings where not in_stock")).as("sold out products").isGreaterThan(100);
        assertThat(count("select avg(length(description))::bigint from products p where " + GENERATED)).isGreaterThanOrEqualTo(300);
        assertThat(count("select count(*) from products p where " + GENERATED + " and description not like '%' || chr(10) || chr(10) || '%'"))
                .as("descriptions in paragraphs").isZero();
        assertThat(count("select count(*) from carts")).isGreaterThanOrEqualTo(10_000);
        assertThat(count("select count(distinct cart_id) from cart_items")).isGreaterThanOrEqualTo(9_000);
        // dates are absolute, whatever day the catalog was generated on
        assertThat(count("select count(*) from products p where " + GENERATED + " and created_at not between"
                + " '2025-01-01T00:00:00Z' and '2026-01-01T00:00:00Z'")).isZero();
        assertThat(count("select count(*) from products where available_on >= '2100-01-01T00:00:00Z'")).as("coming soon").isGreaterThan(5);
        assertThat(ReadModel.drift(em)).isZero();
    }

    @Test
    void generatingTheSameSizeAgainChangesNothing() throws Exception {
        String snapshot = "select (select count(*) from products) || '/' || (select count(*) from variants) || '/'"
                + " || (select sum(stock_on_hand) from variants) || '/' || (select count(*) from carts) || '/'"
                + " || (select count(*) from listing_entries) || '/' || (select max(id) from products)";
        String before = (String) em.createNativeQuery(snapshot).getSingleResult();
        assertThat((String) em.createNativeQuery("select demo_generate_catalog(" + LargeCatalogProfile.PRODUCTS + ")")
                .getSingleResult()).contains("already loaded");
        assertThat((String) em.createNativeQuery(snapshot).getSingleResult()).isEqualTo(before);
    }

    /** While the generator cannot finish (another session holds its lock), readiness answers 503; then 200. */
    @Test
    void readinessIsDownUntilTheCatalogIsLoaded() throws Exception {
        try (Connection other = dataSource.getConnection(); Statement lock = other.createStatement()) {
            lock.execute("select pg_advisory_lock(hashtext('mirshop.demo_generate_catalog'))");
            CompletableFuture<Void> loading = CompletableFuture.runAsync(loader::load);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> loader.state() == DemoCatalogLoader.State.LOADING);
            JsonPath down = given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
            assertThat(down.getString("checks.find { it.name == 'demo-catalog' }.data.state")).isEqualTo("loading");
            lock.execute("select pg_advisory_unlock(hashtext('mirshop.demo_generate_catalog'))");
            loading.get();
        }
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(loader.state()).isEqualTo(DemoCatalogLoader.State.LOADED);
    }

    @Test
    void theSitemapSplitsTheCatalogIntoFilesOfAtMostItsLimit() {
        List<Integer> perFile = new ArrayList<>();
        List<String> urls = SeoTest.sitemapUrls("localhost:" + RestAssured.port, perFile);
        assertThat(perFile).allMatch(n -> n <= LargeCatalogProfile.URLS_PER_FILE);
        long products = urls.stream().filter(u -> u.contains("/products/")).count();
        assertThat(products).isEqualTo(count("select count(*) from product_listings where available_on <= now()"));
        assertThat(urls).doesNotHaveDuplicates();
        assertThat(perFile.size()).isGreaterThanOrEqualTo(1 + 1 + LargeCatalogProfile.PRODUCTS / LargeCatalogProfile.URLS_PER_FILE);
    }

    @Test
    void aBigListingCountsItsProductsExactly() {
        Document root = Jsoup.parse(given().get("/t/categories").then().statusCode(200).extract().asString());
        long listed = count("select count(distinct pt.product_id) from products_taxons pt join taxons t on t.id = pt.taxon_id"
                + " join products p on p.id = pt.product_id where (t.permalink = 'categories' or t.permalink like 'categories/%')"
                + " and p.available_on <= now()");
        assertThat(root.select(".result-count").text()).isEqualTo("1–12 of " + String.format(java.util.Locale.US, "%,d", listed) + " products");
        assertThat(root.select(".results .product-card")).hasSize(12);
        Document last = Jsoup.parse(given().get("/t/categories?page=50&sort=price_desc").then().statusCode(200).extract().asString());
        assertThat(last.select(".results .product-card")).hasSize(12);
        assertThat(last.select(".more-products").text()).contains("first 50 pages");
        // one color: the exact number, from the precomputed facet counts
        long black = count("select count(distinct pt.product_id) from products_taxons pt join taxons t on t.id = pt.taxon_id"
                + " join products p on p.id = pt.product_id where (t.permalink = 'categories' or t.permalink like 'categories/%')"
                + " and p.available_on <= now() and exists (select 1 from variants v join variants_option_values vov"
                + " on vov.variant_id = v.id join option_values ov on ov.id = vov.option_value_id join option_types ot"
                + " on ot.id = ov.option_type_id where v.product_id = p.id and ot.name = 'color' and ov.name = 'black')");
        Document filtered = Jsoup.parse(given().get("/t/categories?color=black").then().statusCode(200).extract().asString());
        assertThat(filtered.select(".result-count").text())
                .isEqualTo("1–12 of " + String.format(java.util.Locale.US, "%,d", black) + " products");
        // a price range: counted up to what the 50 pages can show
        Document priced = Jsoup.parse(given().get("/t/categories?min_price=1&max_price=1000").then().statusCode(200).extract().asString());
        assertThat(priced.select(".result-count").text()).isEqualTo("1–12 of more than 600 products");
        // the demo's hand-made products are still there, and so are their pages
        given().get("/products/oxford-button-down-shirt").then().statusCode(200);
    }
}
