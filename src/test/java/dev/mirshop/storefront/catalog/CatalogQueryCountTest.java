package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The pages the benchmark measures issue a fixed, small number of SQL statements, whatever the number of products
 * shown (no N+1). Counted with Hibernate's statistics, switched on for this test only.
 */
@QuarkusTest
@TestProfile(CatalogQueryCountTest.WithStatistics.class)
class CatalogQueryCountTest {

    public static class WithStatistics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hibernate-orm.statistics", "true");
        }
    }

    @Inject
    SessionFactory sessionFactory;

    /** SQL statements one GET issues, measured after a warm-up request (so cached menus are loaded). */
    private long statements(String url) {
        given().get(url).then().statusCode(200);
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        given().get(url).then().statusCode(200);
        return stats.getPrepareStatementCount();
    }

    @Test
    void homeIsOneQuery() {
        assertThat(statements("/")).isEqualTo(1);
    }

    @Test
    void listingIsTaxonCardsAndCountWhateverThePageSize() {
        long full = statements("/t/categories/clothing");
        assertThat(Jsoup.parse(given().get("/t/categories/clothing").asString()).select(".product-card")).hasSize(12);
        long small = statements("/t/categories/bags?color=brown");
        assertThat(full).isEqualTo(3);
        assertThat(small).isEqualTo(full);
    }

    @Test
    void searchIsCardsAndCount() {
        assertThat(statements("/products?keywords=shirt&sort=price_asc")).isEqualTo(2);
        assertThat(statements("/products")).isEqualTo(2);
    }

    @Test
    void productPageIsAHandfulWhateverTheNumberOfVariants() {
        long many = statements("/products/essential-crew-tee");
        long one = statements("/products/leather-weekender-bag");
        assertThat(many).isEqualTo(5);
        assertThat(one).isEqualTo(many);
    }
}
