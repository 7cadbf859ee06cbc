package dev.mirshop.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HomePageTest {

    @Test
    void homeShowsFeaturedProductsAndCategories() {
        Document home = Jsoup.parse(given().when().get("/").then().statusCode(200).extract().asString());

        assertThat(home.title()).contains("MIR Shop");
        assertThat(home.select(".home-featured .product-grid").text()).contains("Ruby on Rails Tote");
        // the category tiles, not the hero's "Shop clothing" button, which links to clothing too
        assertThat(home.select(".home-categories .category-tiles a").eachAttr("href"))
                .contains("/t/categories/clothing", "/t/categories/bags", "/t/categories/mugs");
        Element clothing = home.selectFirst(".category-tiles a[href=/t/categories/clothing]");
        assertThat(clothing).isNotNull();
        assertThat(clothing.text()).isEqualTo("Clothing");
    }

    @Test
    void unknownPageIsA404InTheShopLayout() {
        given().accept("text/html").when().get("/no-such-page").then()
                .statusCode(404)
                .body(containsString("We could not find the page"))
                .body(containsString("MIR Shop"));
    }

    @Test
    void healthIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
    }
}
