package dev.mirshop.storefront.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.storefront.mail.Metrics;
import dev.mirshop.testing.SendsServiceToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * {@link OrderPlacement#placeOrder} called directly, the one entry to order placement: after a failure (payment
 * declined, stock gone, discount no longer valid) the database holds no order, the same stock, the cart as it was
 * and no redemption of the code; a success places exactly one order, and a second call places none.
 */
@QuarkusTest
class PlaceOrderEntryTest {

    @Inject
    ShopFixtures fixtures;
    @Inject
    GuestPlacement placement;

    private static RequestSpecification service() {
        return given().header("Authorization", "Bearer " + SendsServiceToken.TEST_TOKEN).contentType(ContentType.JSON);
    }

    /** A $5-off code that can be used once. */
    private static Code singleUseCode() {
        String code = "ENTRY" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long id = service().body(Map.of("name", "Entry", "code", code, "kind", "fixed", "value", 5, "usageLimit", 1))
                .post("/api/discounts").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Code(code, id);
    }

    private record Code(String code, long id) {
        int timesUsed() {
            return service().get("/api/discounts/" + id).then().statusCode(200).extract().jsonPath()
                    .getInt("timesUsed");
        }
    }

    /** A guest with two of the item and the code in the cart, at the confirm step. */
    private static Browser readyToConfirm(ShopFixtures.Item item, Code code) {
        Browser browser = new Browser().addToCart(item.variantId(), 2);
        Browser.expectRedirect(browser.post("/cart/coupon", "code", code.code()), "/cart");
        return browser.fillAddress().chooseDelivery("standard");
    }

    private void assertNothingPlaced(Browser browser, ShopFixtures.Item item, int stock, Code code) {
        assertThat(fixtures.ordersWithSku(item.sku())).as("no order").isZero();
        assertThat(fixtures.stock(item.variantId())).as("stock unchanged").isEqualTo(stock);
        assertThat(fixtures.quantityInCart(browser.cartToken(), item.variantId())).as("cart kept").isEqualTo(2);
        assertThat(code.timesUsed()).as("no redemption left").isZero();
    }

    @Test
    void aPlacedOrderTakesStockRedeemsOnceAndEmptiesTheCartAndASecondCallPlacesNothing() {
        ShopFixtures.Item item = fixtures.product("Entry Jug", "20.00", 5);
        Code code = singleUseCode();
        Browser browser = readyToConfirm(item, code).payOnDelivery();
        double counted = Metrics.value("shop_orders_placed_total", "payment_method=\"pay_on_delivery\"");

        PlacedOrder order = placement.place(browser.cartToken());

        assertThat(Metrics.value("shop_orders_placed_total", "payment_method=\"pay_on_delivery\""))
                .as("the checkout's payment method tag reaches the meter").isEqualTo(counted + 1);

        assertThat(order.number()).matches("R\\d{9}");
        Object[] row = fixtures.orderRow(order.number());
        assertThat(row[2]).isEqualTo("cod");
        assertThat((java.math.BigDecimal) row[8]).isEqualByComparingTo("5.00");
        assertThat((java.math.BigDecimal) row[9]).isEqualByComparingTo("40.99");
        assertThat(fixtures.stock(item.variantId())).isEqualTo(3);
        assertThat(fixtures.quantityInCart(browser.cartToken(), item.variantId())).isZero();
        assertThat(code.timesUsed()).isEqualTo(1);

        assertThatThrownBy(() -> placement.place(browser.cartToken())).isInstanceOf(EmptyCartException.class);
        assertThat(fixtures.ordersWithSku(item.sku())).as("no double order").isEqualTo(1);
        assertThat(fixtures.stock(item.variantId())).isEqualTo(3);
        assertThat(code.timesUsed()).isEqualTo(1);
    }

    @Test
    void aDeclinedPaymentPlacesNothingAndRedeemsNothing() {
        ShopFixtures.Item item = fixtures.product("Entry Bowl", "20.00", 5);
        Code code = singleUseCode();
        Browser browser = readyToConfirm(item, code).payByCard("4111 1111 1111 1111");
        // another tab: a card the gateway declines replaces the accepted one
        assertThat(browser.post("/checkout/payment", "payment_method", "card", "card_number", "5555 5555 5555 4444",
                "card_expiry", dev.mirshop.testing.ShopTime.cardExpiry(dev.mirshop.testing.ShopTime.thisMonth()
                        .plusYears(2)), "card_cvc", "123").statusCode()).isEqualTo(402);

        assertThatThrownBy(() -> placement.place(browser.cartToken()))
                .isInstanceOf(CheckoutIncompleteException.class);

        assertNothingPlaced(browser, item, 5, code);
        assertThat(fixtures.cartRow(browser.cartToken())[3]).as("no payment on the cart").isNull();
    }

    @Test
    void stockGoneRollsBackAndGivesTheCodeBack() {
        ShopFixtures.Item item = fixtures.product("Entry Vase", "20.00", 5);
        Code code = singleUseCode();
        Browser browser = readyToConfirm(item, code).payOnDelivery();
        fixtures.setStock(item.variantId(), 1); // someone else bought the rest

        assertThatThrownBy(() -> placement.place(browser.cartToken())).isInstanceOf(OutOfStockException.class)
                .hasMessageContaining("Only 1 left of " + item.name());

        assertNothingPlaced(browser, item, 1, code);
        assertThat(fixtures.cartRow(browser.cartToken())[3]).as("checkout progress kept").isEqualTo("cod");
    }

    @Test
    void aCodeNoLongerValidPlacesNothingAndKeepsTheCartAndTheCode() {
        ShopFixtures.Item item = fixtures.product("Entry Cup", "20.00", 5);
        Code code = singleUseCode();
        Browser browser = readyToConfirm(item, code).payOnDelivery();
        // someone else uses the code up between the confirm page and the click
        service().body(Map.of("code", code.code(), "orderNumber", "R" + String.format("%09d",
                (long) (Math.random() * 1e9)), "customer", "other@example.test", "orderTotal", 40))
                .post("/api/discounts/redeem").then().statusCode(200);
        assertThat(code.timesUsed()).isEqualTo(1);

        assertThatThrownBy(() -> placement.place(browser.cartToken()))
                .isInstanceOfSatisfying(DiscountNotRedeemedException.class, e -> {
                    assertThat(e.unavailable()).isFalse();
                    assertThat(e.shopperMessage()).contains("has been used up");
                });

        assertThat(fixtures.ordersWithSku(item.sku())).isZero();
        assertThat(fixtures.stock(item.variantId())).isEqualTo(5);
        assertThat(fixtures.quantityInCart(browser.cartToken(), item.variantId())).isEqualTo(2);
        assertThat(code.timesUsed()).as("only the other order's redemption").isEqualTo(1);
        assertThat(fixtures.cartRowText(browser.cartToken())).contains(code.code());
    }
}
