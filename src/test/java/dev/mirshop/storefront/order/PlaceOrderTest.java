package dev.mirshop.storefront.order;

import static dev.mirshop.storefront.cart.Browser.html;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Placing the order: one transaction that takes stock, snapshots the lines, computes totals and empties the cart. */
@QuarkusTest
class PlaceOrderTest {
    static final Pattern ORDER_LINK = Pattern.compile("^/orders/(R\\d{9})\\?token=([A-Za-z0-9_-]{43})$");

    @Inject
    ShopFixtures fixtures;

    @Test
    void aGuestPaysByCardAndGetsThePrivateOrderPage() {
        ShopFixtures.Item shirt = fixtures.product("Linen Shirt", "29.50", 10, "size:M");
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 4);
        Browser browser = new Browser().addToCart(shirt.variantId(), 2).addToCart(mug.variantId(), 1).fillAddress()
                .chooseDelivery("standard").payByCard("4111 1111 1111 1111");

        Response placed = browser.post("/checkout/confirm");
        assertThat(placed.statusCode()).isEqualTo(303);
        Matcher link = ORDER_LINK.matcher(placed.header("Location"));
        assertThat(link.matches()).as(placed.header("Location")).isTrue();
        String number = link.group(1);

        Object[] order = fixtures.orderRow(number);
        assertThat(order[0]).as("guest order has no account").isNull();
        assertThat(order[1]).isEqualTo("guest@example.test");
        assertThat(order[2]).isEqualTo("card");
        assertThat(order[3]).isEqualTo("paid");
        assertThat(order[4]).isEqualTo("Visa");
        assertThat(order[5]).isEqualTo("1111");
        assertThat((BigDecimal) order[6]).isEqualByComparingTo("71.00");
        assertThat((BigDecimal) order[7]).isEqualByComparingTo("5.99");
        assertThat((BigDecimal) order[8]).isEqualByComparingTo("0");
        assertThat((BigDecimal) order[9]).isEqualByComparingTo("76.99");
        assertThat(order[10]).isEqualTo(link.group(2));
        assertThat(order[11]).isEqualTo("complete");
        assertThat(fixtures.orderRowText(number)).doesNotContain("4111111111111111");

        Object[] line = fixtures.orderLine(number, shirt.sku());
        assertThat(line[0]).isEqualTo(shirt.name());
        assertThat(line[1]).isEqualTo(shirt.slug());
        assertThat(line[2]).isEqualTo(shirt.label());
        assertThat((BigDecimal) line[3]).isEqualByComparingTo("29.50");
        assertThat(line[4]).isEqualTo(2);
        assertThat((BigDecimal) line[5]).isEqualByComparingTo("59.00");

        assertThat(fixtures.stock(shirt.variantId())).isEqualTo(8);
        assertThat(fixtures.stock(mug.variantId())).isEqualTo(3);
        assertThat(fixtures.quantityInCart(browser.cartToken(), shirt.variantId())).isZero();
        Object[] cart = fixtures.cartRow(browser.cartToken());
        assertThat(cart[1]).as("checkout progress cleared").isNull();
        assertThat(cart[5]).isNull();

        Response page = browser.get(placed.header("Location"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).contains("no-store");
        Document doc = html(page);
        assertThat(doc.select(".thank-you h1").text()).isEqualTo("Thank you for your order!");
        assertThat(doc.select("[data-order-number]").text()).isEqualTo(number);
        assertThat(doc.select("[data-order-date]").text()).matches("[A-Z][a-z]+ \\d{1,2}, \\d{4}");
        assertThat(doc.select(".order-line")).hasSize(2);
        assertThat(doc.select(".order-lines").text()).contains(shirt.name()).contains(shirt.label()).contains("$59.00")
                .contains(mug.name());
        assertThat(doc.select("[data-item-total]").text()).isEqualTo("$71.00");
        assertThat(doc.select("[data-shipping-total]").text()).isEqualTo("$5.99");
        assertThat(doc.select("[data-total]").text()).isEqualTo("$76.99");
        assertThat(doc.select("[data-address]").text()).contains("Grace Guest").contains("10 Downing Lane").contains("United States");
        assertThat(doc.select("[data-delivery]").text()).isEqualTo("Standard");
        assertThat(doc.select("[data-payment]").text()).isEqualTo("Visa ending in 1111");
        assertThat(doc.select("[data-payment-state]").text()).isEqualTo("Paid");
        assertThat(doc.select("meta[name=referrer]").attr("content")).isEqualTo("no-referrer");
        assertThat(doc.select("[data-cart-count]").text()).isEqualTo("0");
    }

    @Test
    void payOnDeliveryLeavesThePaymentPending() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 4);
        Browser browser = new Browser().addToCart(mug.variantId(), 1).fillAddress().chooseDelivery("express")
                .payOnDelivery();
        Response placed = browser.post("/checkout/confirm");
        Matcher link = ORDER_LINK.matcher(placed.header("Location"));
        assertThat(link.matches()).isTrue();
        Object[] order = fixtures.orderRow(link.group(1));
        assertThat(order[2]).isEqualTo("cod");
        assertThat(order[3]).isEqualTo("pending");
        assertThat(order[4]).isNull();
        assertThat(order[5]).isNull();
        assertThat((BigDecimal) order[9]).isEqualByComparingTo("26.99");
        Document doc = html(browser.get(placed.header("Location")));
        assertThat(doc.select("[data-payment]").text()).isEqualTo("Pay on delivery");
        assertThat(doc.select("[data-payment-state]").text()).isEqualTo("To be paid on delivery");
        assertThat(doc.select("[data-delivery]").text()).isEqualTo("Express");
    }

    @Test
    void standardShippingIsFreeFrom75DollarsOnTheOrder() {
        ShopFixtures.Item coat = fixtures.product("Rain Coat", "37.50", 4);
        Browser browser = new Browser().addToCart(coat.variantId(), 2).fillAddress().chooseDelivery("standard")
                .payOnDelivery();
        Matcher link = ORDER_LINK.matcher(browser.post("/checkout/confirm").header("Location"));
        assertThat(link.matches()).isTrue();
        Object[] order = fixtures.orderRow(link.group(1));
        assertThat((BigDecimal) order[7]).isEqualByComparingTo("0");
        assertThat((BigDecimal) order[9]).isEqualByComparingTo("75.00");
    }

    @Test
    void pricesSentByTheClientAreIgnoredAndTodaysPriceIsCharged() {
        ShopFixtures.Item lamp = fixtures.product("Desk Lamp", "40.00", 5);
        Browser browser = new Browser().addToCart(lamp.variantId(), 1).fillAddress().chooseDelivery("express")
                .payOnDelivery();
        assertThat(html(browser.get("/checkout/confirm")).select(".confirm-totals [data-total]").text()).isEqualTo("$54.99");
        fixtures.setPrice(lamp.variantId(), "45.00");

        Response placed = browser.post("/checkout/confirm", "price", "0.01", "unit_price", "0.01", "item_total", "0.01",
                "shipping_total", "0", "total", "0.01", "quantity", "50", "discount_total", "40");
        Matcher link = ORDER_LINK.matcher(placed.header("Location"));
        assertThat(link.matches()).as(placed.asString()).isTrue();
        Object[] order = fixtures.orderRow(link.group(1));
        assertThat((BigDecimal) order[6]).isEqualByComparingTo("45.00");
        assertThat((BigDecimal) order[7]).isEqualByComparingTo("14.99");
        assertThat((BigDecimal) order[8]).isEqualByComparingTo("0");
        assertThat((BigDecimal) order[9]).isEqualByComparingTo("59.99");
        Object[] line = fixtures.orderLine(link.group(1), lamp.sku());
        assertThat((BigDecimal) line[3]).isEqualByComparingTo("45.00");
        assertThat(line[4]).isEqualTo(1);
        assertThat(fixtures.stock(lamp.variantId())).isEqualTo(4);
    }

    @Test
    void whenStockRanOutTheOrderIsRolledBackAndTheCartKept() {
        ShopFixtures.Item plenty = fixtures.product("Tea Towel", "8.00", 10);
        ShopFixtures.Item scarce = fixtures.product("Wool Scarf", "40.00", 3);
        ShopFixtures.Item gone = fixtures.product("Silk Tie", "30.00", 2);
        Browser browser = new Browser().addToCart(plenty.variantId(), 2).addToCart(scarce.variantId(), 2)
                .addToCart(gone.variantId(), 1).fillAddress().chooseDelivery("standard").payOnDelivery();
        fixtures.setStock(scarce.variantId(), 1);
        fixtures.setStock(gone.variantId(), 0);

        Response r = browser.post("/checkout/confirm");
        assertThat(r.statusCode()).isEqualTo(409);
        Document page = html(r);
        assertThat(page.select("[data-stock-problem]").eachText()).containsExactlyInAnyOrder(
                "Only 1 left of " + scarce.name() + ". Please lower the quantity in your cart.",
                "Only 0 left of " + gone.name() + ": it has just sold out. Please remove it from your cart.");
        assertThat(page.select("form[action=/checkout/confirm]")).isNotEmpty();
        assertThat(page.select(".confirm-items").text()).contains("Only 1 left");

        assertThat(fixtures.stock(plenty.variantId())).as("rolled back").isEqualTo(10);
        assertThat(fixtures.stock(scarce.variantId())).isEqualTo(1);
        assertThat(fixtures.stock(gone.variantId())).isZero();
        assertThat(fixtures.ordersWithSku(plenty.sku())).isZero();
        assertThat(fixtures.quantityInCart(browser.cartToken(), plenty.variantId())).isEqualTo(2);
        assertThat(fixtures.quantityInCart(browser.cartToken(), scarce.variantId())).isEqualTo(2);
        assertThat(fixtures.cartRow(browser.cartToken())[3]).as("checkout progress kept").isEqualTo("cod");
    }

    @Test
    void aSecondClickOnPlaceOrderDoesNotOrderTwice() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 4);
        Browser browser = new Browser().addToCart(mug.variantId(), 1).fillAddress().chooseDelivery("standard")
                .payOnDelivery();
        assertThat(browser.post("/checkout/confirm").statusCode()).isEqualTo(303);
        Response again = browser.post("/checkout/confirm");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(html(again).select("h1").text()).isEqualTo("Your cart is empty");
        assertThat(fixtures.ordersWithSku(mug.sku())).isEqualTo(1);
        assertThat(fixtures.stock(mug.variantId())).isEqualTo(3);
    }

    @Test
    void placingAnOrderWithoutCsrfTokenIsRejected() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 4);
        Browser browser = new Browser().addToCart(mug.variantId(), 1).fillAddress().chooseDelivery("standard")
                .payOnDelivery();
        assertThat(browser.postWithoutCsrf("/checkout/confirm").statusCode()).isEqualTo(400);
        assertThat(fixtures.ordersWithSku(mug.sku())).isZero();
        assertThat(fixtures.stock(mug.variantId())).isEqualTo(4);
    }
}
