package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A search with a typo finds what was meant (pg_trgm over the catalog's words) and says so; stemming stays. */
@QuarkusTest
class TypoTolerantSearchTest {

    private static Document search(String keywords) {
        return Jsoup.parse(given().queryParam("keywords", keywords).get("/products").then().statusCode(200)
                .contentType("text/html").extract().asString());
    }

    @Test
    void hoddieFindsTheHoodieAndSaysDidYouMean() {
        Document page = search("hoddie");
        assertThat(page.select(".results .product-name").eachText()).contains("Heavyweight Hoodie");
        assertThat(page.select(".did-you-mean").text()).contains("No products match “hoddie”").contains("Did you mean hoodie?");
        assertThat(page.select(".did-you-mean a").attr("href")).isEqualTo("/products?keywords=hoodie");
        assertThat(page.select("h1").text()).isEqualTo("Results for “hoodie”");
        // the form and the links carry on with the corrected words
        assertThat(page.select("form.filter-form input[name=keywords]").attr("value")).isEqualTo("hoodie");
    }

    @Test
    void eachMisspeltWordIsCorrectedAndTheKnownOnesKept() {
        Document page = search("oxfrod shirts");
        assertThat(page.select(".did-you-mean a").text()).isEqualTo("oxford shirts");
        assertThat(page.select(".results .product-name").eachText()).contains("Oxford Button-Down Shirt");
    }

    @Test
    void aWordThatIsRightGetsNoCorrection() {
        Document page = search("hoodie");
        assertThat(page.select(".did-you-mean")).isEmpty();
        assertThat(page.select(".results .product-name").eachText()).contains("Heavyweight Hoodie");
        // stemmed: the plural finds it too, without a correction
        assertThat(search("hoodies").select(".results .product-name").eachText()).contains("Heavyweight Hoodie");
        assertThat(search("hoodies").select(".did-you-mean")).isEmpty();
    }

    @Test
    void nothingCloseMeansNoSuggestion() {
        Document page = search("xqzvbnwp");
        assertThat(page.select(".did-you-mean")).isEmpty();
        assertThat(page.select(".empty-results").text()).contains("No products match “xqzvbnwp”");
    }
}
