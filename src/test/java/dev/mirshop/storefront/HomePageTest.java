package dev.mirshop.storefront;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HomePageTest {

    @Test
    void homeShowsFeaturedProductsAndCategories() {
        given().when().get("/").then()
                .statusCode(200)
                .body(containsString("MIR Shop"))
                .body(containsString("Ruby on Rails Tote"))
                .body(containsString("/t/categories/clothing"));
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
