package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.catalog.CatalogFixtures.VariantSpec;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ProductSearchTest {

    static String token;

    @Inject
    EntityManager em;

    /** Three products mentioning one unique word: in the name, in the name and description, in the description only. */
    @BeforeEach
    void fixtures() {
        if (token != null) {
            return;
        }
        String word = CatalogFixtures.token();
        String taxon = CatalogFixtures.taxon(em, word);
        CatalogFixtures.product(em, word + "-desc", "Plain Lantern", "A lantern that goes well with any " + word + " you own.",
                taxon, 5, VariantSpec.of("30.00", 4));
        CatalogFixtures.product(em, word + "-name", "The " + word + " Lantern", "A lantern.", taxon, 10, VariantSpec.of("20.00", 4));
        CatalogFixtures.product(em, word + "-both", word + " Lamp", "The original " + word + " lamp, " + word + " through and through.",
                taxon, 15, VariantSpec.of("40.00", 4));
        token = word;
    }

    private static Document search(String query) {
        String html = given().queryParam("keywords", query).get("/products").then().statusCode(200).contentType("text/html")
                .extract().asString();
        return Jsoup.parse(html);
    }

    private static List<String> names(Document page) {
        return page.select(".results .product-name").eachText();
    }

    @Test
    void allProductsArePaginatedAndExcludeProductsNotYetAvailable() {
        Document page = Jsoup.parse(given().get("/products").then().statusCode(200).extract().asString());
        assertThat(page.select("h1").text()).isEqualTo("All products");
        assertThat(page.select(".results .product-card")).hasSize(12);
        assertThat(page.select(".pagination a[rel=next]").attr("href")).isEqualTo("/products?page=2");
        assertThat(page.select(".result-count").text()).matches("1–12 of \\d+ products");
        assertThat(names(search("parka"))).isEmpty();
        given().get("/products/winter-parka").then().statusCode(404);
    }

    @Test
    void searchIsStemmedAndCaseInsensitive() {
        assertThat(names(search("Shirts"))).contains("Oxford Button-Down Shirt", "Flannel Check Shirt", "Denim Western Shirt")
                .doesNotContain("Stoneware Coffee Mug");
        assertThat(names(search("MUG"))).contains("Stoneware Coffee Mug", "Enamel Camp Mug");
        assertThat(names(search("washing"))).contains("Essential Crew Tee");
    }

    @Test
    void searchIgnoresAccents() {
        assertThat(names(search("cafe"))).contains("Café Racer Graphic Tee", "Café au Lait Bowl Mug");
        assertThat(names(search("CAFÉ racer"))).first().isEqualTo("Café Racer Graphic Tee");
    }

    /** Best match: the products whose name has the words first, then the others, each newest first. */
    @Test
    void resultsAreRankedNameBeforeDescription() {
        assertThat(names(search(token))).containsExactly("The " + token + " Lantern", token + " Lamp", "Plain Lantern");
        assertThat(search(token).select("select[name=sort] option[selected]").attr("value")).isEqualTo("relevance");
    }

    @Test
    void searchKeepsKeywordsInFiltersSortAndPagination() {
        Document page = search(token + " lantern");
        assertThat(names(page)).containsExactlyInAnyOrder("The " + token + " Lantern", "Plain Lantern");
        Document byPrice = Jsoup.parse(given().queryParam("keywords", token).queryParam("sort", "price_desc").get("/products")
                .then().statusCode(200).extract().asString());
        assertThat(names(byPrice)).containsExactly(token + " Lamp", "Plain Lantern", "The " + token + " Lantern");
        assertThat(byPrice.select("form.filter-form input[name=keywords]").attr("value")).isEqualTo(token);
        assertThat(byPrice.select(".sort-links a").eachAttr("href")).contains("/products?keywords=" + token + "&sort=name");
        Document filtered = Jsoup.parse(given().queryParam("keywords", token).queryParam("max_price", "25").get("/products")
                .then().statusCode(200).extract().asString());
        assertThat(names(filtered)).containsExactly("The " + token + " Lantern");
        assertThat(names(Jsoup.parse(given().queryParam("keywords", "tee").queryParam("size", "xl").get("/products")
                .then().statusCode(200).extract().asString()))).contains("Essential Crew Tee").doesNotContain("Café Racer Graphic Tee");
    }

    @Test
    void emptyResultSaysSoAndSuggestsCategories() {
        Document page = search("xylophoneqq");
        assertThat(page.select(".empty-results").text()).contains("No products match “xylophoneqq”");
        assertThat(page.select(".suggestions a").eachAttr("href"))
                .contains("/t/categories/clothing", "/t/categories/clothing/shirts", "/t/categories/bags", "/t/categories/mugs");
    }

    @Test
    void overLongKeywordsAreA400() {
        String html = given().queryParam("keywords", "a".repeat(201)).get("/products").then().statusCode(400)
                .contentType("text/html").extract().asString();
        assertThat(Jsoup.parse(html).select(".problem-message").text()).contains("at most 200 characters");
        given().queryParam("keywords", "mug " + "a".repeat(196)).get("/products").then().statusCode(200);
    }

    @Test
    void sqlAndHtmlMetacharactersAreHarmless() {
        String sql = "' OR 1=1 --";
        String sqlHtml = given().queryParam("keywords", sql).get("/products").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(sqlHtml).select("h1").text()).isEqualTo("Results for “" + sql + "”");
        assertThat(names(Jsoup.parse(sqlHtml))).hasSizeLessThan(12);

        String xss = "<script>alert(1)</script>";
        String xssHtml = given().queryParam("keywords", xss).get("/products").then().statusCode(200).extract().asString();
        assertThat(xssHtml).doesNotContain(xss).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // only the layout's own external scripts; nothing inline came from the keywords
        assertThat(Jsoup.parse(xssHtml).select("script:not([src])")).isEmpty();
        assertThat(Jsoup.parse(xssHtml).select("h1").text()).isEqualTo("Results for “" + xss + "”");

        for (String odd : List.of("\"unterminated", "a & b | !c", ":*", "--", "(((", "'; drop table products; --", "%_\\")) {
            given().queryParam("keywords", odd).get("/products").then().statusCode(200);
        }
        given().get("/products/oxford-button-down-shirt").then().statusCode(200);
    }

    @Test
    void badParametersOnSearchAreA400() {
        TaxonPageTest.assertBadRequest("/products?keywords=mug&page=abc", "page number");
        TaxonPageTest.assertBadRequest("/products?page=-1", "page number");
        TaxonPageTest.assertBadRequest("/products?min_price=abc", "minimum price");
        TaxonPageTest.assertBadRequest("/products?min_price=50&max_price=5", "higher than the maximum");
        given().get("/products?sort=nonsense").then().statusCode(200);
    }
}
