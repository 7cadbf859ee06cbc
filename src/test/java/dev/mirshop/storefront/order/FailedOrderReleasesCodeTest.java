package dev.mirshop.storefront.order;

import static dev.mirshop.storefront.cart.Browser.html;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.testing.SendsServiceToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Issue 13, point 11: a single-use code was redeemed, then the stock ran out (409) and the code stayed used. The
 * failed placement now releases the redemption. Point 1: order numbers are drawn at random, not counted up.
 */
@QuarkusTest
class FailedOrderReleasesCodeTest {

    @Inject
    ShopFixtures fixtures;

    private static io.restassured.specification.RequestSpecification service() {
        return given().header("Authorization", "Bearer " + SendsServiceToken.TEST_TOKEN).contentType(ContentType.JSON);
    }

    private static long singleUseCode(String code) {
        return service().body(Map.of("name", "Once", "code", code, "kind", "fixed", "value", 5, "usageLimit", 1))
                .post("/api/discounts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static int timesUsed(long id) {
        return service().get("/api/discounts/" + id).then().statusCode(200).extract().jsonPath().getInt("timesUsed");
    }

    @Test
    void aSoldOutOrderGivesItsSingleUseCodeBack() {
        String code = "ONCE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long id = singleUseCode(code);
        ShopFixtures.Item last = fixtures.product("Last Lamp", "40.00", 1);
        Browser browser = new Browser().addToCart(last.variantId(), 1);
        Browser.expectRedirect(browser.post("/cart/coupon", "code", code), "/cart");
        browser.fillAddress().chooseDelivery("standard").payOnDelivery();
        fixtures.setStock(last.variantId(), 0); // someone else bought it between the confirm page and the click

        Response soldOut = browser.post("/checkout/confirm");
        assertThat(soldOut.statusCode()).isEqualTo(409);
        assertThat(html(soldOut).select("[data-stock-problem]").text()).contains("sold out");
        assertThat(timesUsed(id)).as("the code is given back").isZero();

        fixtures.setStock(last.variantId(), 1);
        Response placed = browser.post("/checkout/confirm");
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(303);
        assertThat(timesUsed(id)).isEqualTo(1);
        assertThat(fixtures.ordersWithSku(last.sku())).isEqualTo(1);
    }

    @Test
    void releasingIsIdempotentAndNeedsTheToken() {
        String code = "REL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long id = singleUseCode(code);
        String order = "R" + String.format("%09d", (long) (Math.random() * 1e9));
        service().body(Map.of("code", code, "orderNumber", order, "customer", "a@example.com", "orderTotal", 20))
                .post("/api/discounts/redeem").then().statusCode(200);
        assertThat(timesUsed(id)).isEqualTo(1);
        given().contentType(ContentType.JSON).body(Map.of("orderNumber", order)).post("/api/discounts/release").then()
                .statusCode(401);
        assertThat(timesUsed(id)).isEqualTo(1);
        service().body(Map.of("orderNumber", order)).post("/api/discounts/release").then().statusCode(200)
                .body("released", org.hamcrest.Matchers.equalTo(true));
        service().body(Map.of("orderNumber", order)).post("/api/discounts/release").then().statusCode(200)
                .body("released", org.hamcrest.Matchers.equalTo(false));
        assertThat(timesUsed(id)).isZero();
    }

    @Test
    void orderNumbersAreRandomNotCountedUp() {
        Set<Long> numbers = new HashSet<>();
        long previous = -1;
        int ascendingByOne = 0;
        for (int i = 0; i < 6; i++) {
            ShopFixtures.Item mug = fixtures.product("Number Mug", "5.00", 2);
            Response placed = new Browser().addToCart(mug.variantId(), 1).fillAddress().chooseDelivery("standard")
                    .payOnDelivery().post("/checkout/confirm");
            String number = placed.header("Location").replaceAll("^/orders/(R\\d{9})\\?.*$", "$1");
            assertThat(number).matches("R\\d{9}");
            long n = Long.parseLong(number.substring(1));
            if (previous >= 0 && n == previous + 1) {
                ascendingByOne++;
            }
            previous = n;
            numbers.add(n);
        }
        assertThat(numbers).hasSize(6);
        assertThat(ascendingByOne).as("consecutive orders get consecutive numbers").isLessThan(2);
    }
}
