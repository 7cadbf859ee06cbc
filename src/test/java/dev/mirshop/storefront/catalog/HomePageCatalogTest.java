package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HomePageCatalogTest {

    @Test
    void homeShowsHeroCategoryTilesFeaturedProductsAndEmptySlots() {
        String html = given().get("/").then().statusCode(200).contentType("text/html").extract().asString();
        Document page = Jsoup.parse(html);

        assertThat(page.select(".hero h1").text()).isNotBlank();
        assertThat(page.select(".category-tiles a").eachAttr("href"))
                .contains("/t/categories/clothing", "/t/categories/bags", "/t/categories/mugs", "/t/categories/clothing/shirts");
        for (Element tile : page.select(".category-tiles a")) {
            assertThat(tile.select("img").attr("src")).as(tile.attr("href")).startsWith("/images/products/icons/");
        }
        assertThat(page.select(".home-featured .product-card")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(page.select(".home-featured .product-card a").eachAttr("href"))
                .allMatch(href -> href.startsWith("/products/")).contains("/products/ruby-on-rails-tote");
        assertThat(page.select(".home-featured .product-card img")).allMatch(img -> img.attr("src").startsWith("/images/products/"));

        // the ad and teaser slots are filled by the services (tested in storefront.integration)
    }

    @Test
    void categoryIconsAndProductImagesAreServed() {
        given().get("/images/products/icons/mugs.svg").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("svg"));
        given().get("/images/products/oxford-button-down-shirt-blue.svg").then().statusCode(200);
    }
}
