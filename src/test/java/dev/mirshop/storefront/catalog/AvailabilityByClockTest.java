package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Whether a product is available is decided by the shop's clock, never by the database's: the demo's Winter Parka
 * is "coming soon" until 2100, and appears on its page, in its category, in search and in the facet counts the
 * moment the clock says so (the precomputed counts less the products not yet available).
 */
@QuarkusTest
class AvailabilityByClockTest {

    private static final Instant BEFORE = Instant.parse("2099-06-01T00:00:00Z");
    private static final Instant AFTER = Instant.parse("2101-01-01T00:00:00Z");

    @Inject
    CatalogCache pages;

    private void clockAt(Instant instant) {
        QuarkusMock.installMockForType(Clock.fixed(instant, ZoneOffset.UTC), Clock.class);
        pages.invalidateAll();
    }

    private static Document page(String url) {
        return Jsoup.parse(given().get(url).then().statusCode(200).extract().asString());
    }

    private static Map<String, Long> counts(Document page) {
        Map<String, Long> counts = new LinkedHashMap<>();
        page.select(".facet-option").forEach(o -> counts.put(o.select("input").attr("value"),
                Long.parseLong(o.select(".facet-count").attr("data-products"))));
        return counts;
    }

    private static long total(Document page) {
        return Long.parseLong(page.select(".result-count").text().replaceAll(".* of |,| products?$", ""));
    }

    @Test
    void aComingSoonProductAppearsWhenTheShopClockReachesItsDate() {
        clockAt(BEFORE);
        given().get("/products/winter-parka").then().statusCode(404);
        assertThat(page("/products?keywords=parka").select(".results .product-name").eachText()).doesNotContain("Winter Parka");
        Document before = page("/t/categories/clothing");
        long productsBefore = total(before);
        Map<String, Long> countsBefore = counts(before);

        clockAt(AFTER);
        assertThat(page("/products/winter-parka").select("h1").text()).isEqualTo("Winter Parka");
        assertThat(page("/products?keywords=parka").select(".results .product-name").eachText()).contains("Winter Parka");
        Document after = page("/t/categories/clothing");
        assertThat(total(after)).isEqualTo(productsBefore + 1);
        Map<String, Long> countsAfter = counts(after);
        for (String value : new String[] { "m", "l", "olive" }) {
            assertThat(countsAfter.get(value)).as(value).isEqualTo(countsBefore.getOrDefault(value, 0L) + 1);
        }
        assertThat(countsAfter.get("s")).isEqualTo(countsBefore.get("s"));
    }

    /**
     * The products not yet available are read at one instant and serve every later one; a clock set back before
     * that instant reads them again, so the facets leave the parka out once more.
     */
    @Test
    void aClockSetBackLeavesTheComingSoonProductOutOfTheFacetsAgain() {
        clockAt(AFTER);
        Document after = page("/t/categories/clothing");
        clockAt(BEFORE);
        Document before = page("/t/categories/clothing");
        assertThat(total(before)).isEqualTo(total(after) - 1);
        assertThat(counts(before).getOrDefault("olive", 0L)).isEqualTo(counts(after).get("olive") - 1);
    }
}
