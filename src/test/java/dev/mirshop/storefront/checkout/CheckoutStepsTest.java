package dev.mirshop.storefront.checkout;

import static dev.mirshop.storefront.cart.Browser.expectRedirect;
import static dev.mirshop.storefront.cart.Browser.html;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.testing.ShopTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Each checkout step's page and form, its validation, and the order of the steps. */
@QuarkusTest
class CheckoutStepsTest {

    @Inject
    ShopFixtures fixtures;

    private Browser shopperWithItem() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 50);
        return new Browser().addToCart(mug.variantId(), 2);
    }

    @Test
    void checkoutWithAnEmptyCartIsA400PageWithALinkToTheShop() {
        Browser noCart = new Browser();
        Browser emptied = shopperWithItem();
        String itemId = html(emptied.get("/cart")).selectFirst("tr.cart-line").attr("data-item-id");
        expectRedirect(emptied.post("/cart/remove", "item_id", itemId), "/cart");

        for (Browser browser : new Browser[] { noCart, emptied }) {
            for (String path : new String[] { "/checkout", "/checkout/address", "/checkout/delivery", "/checkout/payment",
                    "/checkout/confirm" }) {
                assertEmptyCartPage(browser.get(path));
            }
            assertEmptyCartPage(browser.post("/checkout/confirm"));
            assertEmptyCartPage(browser.post("/checkout/address", "email", "a@b.example"));
        }
    }

    private static void assertEmptyCartPage(Response r) {
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = html(r);
        assertThat(page.select("h1").text()).isEqualTo("Your cart is empty");
        assertThat(page.select("main a[href=/products]")).isNotEmpty();
    }

    @Test
    void checkoutOpensTheFirstStepStillToDo() {
        Browser browser = shopperWithItem();
        expectRedirect(browser.get("/checkout"), "/checkout/address");
        browser.fillAddress();
        expectRedirect(browser.get("/checkout"), "/checkout/delivery");
        browser.chooseDelivery("standard");
        expectRedirect(browser.get("/checkout"), "/checkout/payment");
        browser.payOnDelivery();
        expectRedirect(browser.get("/checkout"), "/checkout/confirm");
    }

    @Test
    void stepsCannotBeSkipped() {
        Browser browser = shopperWithItem();
        for (String step : new String[] { "/checkout/delivery", "/checkout/payment", "/checkout/confirm" }) {
            expectRedirect(browser.get(step), "/checkout/address");
        }
        expectRedirect(browser.post("/checkout/delivery", "shipping_method", "express"), "/checkout/address");
        expectRedirect(browser.post("/checkout/payment", "payment_method", "cod"), "/checkout/address");
        expectRedirect(browser.post("/checkout/confirm"), "/checkout/address");
        assertThat(fixtures.cartRow(browser.cartToken())[2]).isNull();
        assertThat(fixtures.cartRow(browser.cartToken())[3]).isNull();

        browser.fillAddress();
        expectRedirect(browser.get("/checkout/payment"), "/checkout/delivery");
        expectRedirect(browser.get("/checkout/confirm"), "/checkout/delivery");
        expectRedirect(browser.post("/checkout/payment", "payment_method", "cod"), "/checkout/delivery");

        browser.chooseDelivery("express");
        expectRedirect(browser.get("/checkout/confirm"), "/checkout/payment");
        expectRedirect(browser.post("/checkout/confirm"), "/checkout/payment");
        assertThat(html(browser.get("/cart")).select("[data-cart-count]").text()).isEqualTo("2");
    }

    @Test
    void theAddressStepShowsTheFormStepsSummaryAndAGuestLogInLink() {
        Browser browser = shopperWithItem();
        Response r = browser.get("/checkout/address");
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = html(r);
        assertThat(page.select(".checkout-steps li").eachText()).containsExactly("1 Address", "2 Delivery", "3 Payment", "4 Confirm");
        assertThat(page.select(".checkout-steps li[aria-current=step]").text()).isEqualTo("1 Address");
        assertThat(page.select(".guest-notice a").attr("href")).isEqualTo("/login?return=/checkout/address");
        assertThat(page.select(".guest-notice").text()).contains("Have an account? Log in");
        for (String field : new String[] { "email", "name", "line1", "line2", "city", "zip", "phone" }) {
            assertThat(page.select("form[action=/checkout/address] input[name=" + field + "]")).as(field).hasSize(1);
        }
        assertThat(page.select("select[name=country] option[selected]").attr("value")).isEqualTo("US");
        assertThat(page.select("select[name=country] option")).hasSizeGreaterThan(3);
        assertThat(page.select("input[name=csrf-token]")).isNotEmpty();
        assertThat(page.select(".checkout-summary [data-item-total]").text()).isEqualTo("$24.00");
    }

    @Test
    void addressErrorsAreShownNextToEachFieldAndValuesAreKept() {
        Browser browser = shopperWithItem();
        Response r = browser.post("/checkout/address", "email", "not-an-email", "name", "", "line1", "1 Main <b>St</b>",
                "city", "Springfield", "zip", "ABC", "country", "US", "phone", "call me maybe");
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = html(r);
        assertThat(page.select("[data-field-error=email]").text()).isEqualTo("Please enter a valid email address, like name@example.com.");
        assertThat(page.select("[data-field-error=name]").text()).isEqualTo("Please enter the recipient's full name.");
        assertThat(page.select("[data-field-error=zip]").text()).isEqualTo("Please enter a 5-digit ZIP code, like 94107.");
        assertThat(page.select("[data-field-error=phone]").text()).startsWith("Please enter a phone number");
        assertThat(page.select("[data-field-error=line1]")).isEmpty();
        assertThat(page.select("[data-field-error=city]")).isEmpty();
        assertThat(page.select("input[name=email]").attr("value")).isEqualTo("not-an-email");
        assertThat(page.select("input[name=line1]").attr("value")).isEqualTo("1 Main <b>St</b>");
        assertThat(r.asString()).doesNotContain("<b>St</b>");
        assertThat(page.select("input[name=email]").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".alert-error").text()).contains("4 fields");
        assertThat(fixtures.cartRow(browser.cartToken())[1]).isNull();
    }

    @Test
    void unknownCountriesOverlongAndControlCharactersAreRefused() {
        Browser browser = shopperWithItem();
        Response r = browser.post("/checkout/address", "email", "a@b.example", "name", "x".repeat(101), "line1", "1 Main St",
                "city", "Springfield", "zip", "62704", "country", "XX");
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = html(r);
        assertThat(page.select("[data-field-error=country]").text()).isEqualTo("Please choose a country from the list.");
        assertThat(page.select("[data-field-error=name]").text()).isEqualTo("Please use at most 100 characters.");
        // characters no form sends are refused for the whole form, before any field is looked at (platform.errors.InputChecks)
        Response control = browser.post("/checkout/address", "email", "a@b.example", "name", "Ada", "line1",
                "1 Main\u0000St", "city", "Springfield", "zip", "62704", "country", "US");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(html(control).select("main").text()).contains("The form contains characters we cannot accept.");
        assertThat(fixtures.cartRow(browser.cartToken())[1]).isNull();
        Response missing = browser.post("/checkout/address");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(html(missing).select(".field-error")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aValidAddressIsSavedAndLeadsToDelivery() {
        Browser browser = shopperWithItem();
        Response r = browser.post("/checkout/address", "email", " Ada@Example.test ", "name", "Ada Lovelace", "line1",
                "12 St James's Square", "city", "London", "zip", "SW1Y 4JH", "country", "GB", "phone", "+44 20 7946 0000");
        expectRedirect(r, "/checkout/delivery");
        assertThat(fixtures.cartRow(browser.cartToken())[1]).isEqualTo("Ada@Example.test");
        Document again = html(browser.get("/checkout/address"));
        assertThat(again.select("input[name=line1]").attr("value")).isEqualTo("12 St James's Square");
        assertThat(again.select("select[name=country] option[selected]").attr("value")).isEqualTo("GB");
        assertThat(again.select(".checkout-steps a[href=/checkout/delivery]")).isNotEmpty();
    }

    @Test
    void deliveryListsTheMethodsWithTheirPrices() {
        Browser browser = shopperWithItem().fillAddress();
        Response r = browser.get("/checkout/delivery");
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = html(r);
        assertThat(page.select("input[type=radio][name=shipping_method]").eachAttr("value")).containsExactly("standard", "express");
        assertThat(page.select("input[value=standard]").hasAttr("checked")).isTrue();
        assertThat(page.select("[data-price=standard]").text()).isEqualTo("$5.99");
        assertThat(page.select("[data-price=express]").text()).isEqualTo("$14.99");
        assertThat(page.select(".checkout-steps li[aria-current=step]").text()).isEqualTo("2 Delivery");
    }

    @Test
    void standardShippingIsFreeFrom75Dollars() {
        ShopFixtures.Item coat = fixtures.product("Rain Coat", "75.00", 5);
        Browser browser = new Browser().addToCart(coat.variantId(), 1).fillAddress();
        Document page = html(browser.get("/checkout/delivery"));
        assertThat(page.select("[data-price=standard]").text()).isEqualTo("Free $5.99");
        assertThat(page.select("[data-price=standard] .compare-at").text()).isEqualTo("$5.99");
        assertThat(page.select("[data-price=express]").text()).isEqualTo("$14.99");
    }

    @Test
    void anUnknownShippingMethodIsRefused() {
        Browser browser = shopperWithItem().fillAddress();
        for (String code : new String[] { "teleport", "", "x".repeat(200) }) {
            Response r = browser.post("/checkout/delivery", "shipping_method", code);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(html(r).select("[data-error]").text()).isEqualTo("Please choose a delivery option from the list.");
        }
        Response missing = browser.post("/checkout/delivery");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(fixtures.cartRow(browser.cartToken())[2]).isNull();
    }

    @Test
    void theTestCardIsAcceptedAndOnlyBrandAndLastFourAreKept() {
        Browser browser = shopperWithItem().fillAddress().chooseDelivery("standard");
        Response r = browser.post("/checkout/payment", "payment_method", "card", "card_number", "4111 1111 1111 1111",
                "card_expiry", expiry(1), "card_cvc", "737");
        expectRedirect(r, "/checkout/confirm");
        Object[] cart = fixtures.cartRow(browser.cartToken());
        assertThat(cart[3]).isEqualTo("card");
        assertThat(cart[4]).isEqualTo("Visa");
        assertThat(cart[5]).isEqualTo("1111");
        String row = fixtures.cartRowText(browser.cartToken());
        assertThat(row).doesNotContain("4111111111111111").doesNotContain("4111 1111");
        // as a field of its own: the row's timestamps may hold the same three digits
        assertThat(row.replaceAll("[()\"]", "").split(",")).doesNotContain("737");
    }

    @Test
    void anyOtherValidCardIsDeclinedWithAClearMessage() {
        Browser browser = shopperWithItem().fillAddress().chooseDelivery("standard");
        Response r = browser.post("/checkout/payment", "payment_method", "card", "card_number", "5555 5555 5555 4444",
                "card_expiry", expiry(2), "card_cvc", "123");
        assertThat(r.statusCode()).isEqualTo(402);
        Document page = html(r);
        assertThat(page.select("[data-declined]").text()).startsWith("Your card was declined");
        assertThat(r.asString()).doesNotContain("5555 5555 5555 4444").doesNotContain("5555555555554444");
        assertThat(fixtures.cartRow(browser.cartToken())[3]).isNull();
        expectRedirect(browser.get("/checkout/confirm"), "/checkout/payment");
    }

    @Test
    void aDeclinedCardReplacesAnEarlierAcceptedOne() {
        Browser browser = shopperWithItem().fillAddress().chooseDelivery("standard").payByCard("4111111111111111");
        Response r = browser.post("/checkout/payment", "payment_method", "card", "card_number", "4000 0000 0000 0002",
                "card_expiry", expiry(2), "card_cvc", "123");
        assertThat(r.statusCode()).isEqualTo(402);
        assertThat(fixtures.cartRow(browser.cartToken())[5]).isNull();
        expectRedirect(browser.get("/checkout/confirm"), "/checkout/payment");
    }

    @Test
    void cardFieldsAreValidated() {
        Browser browser = shopperWithItem().fillAddress().chooseDelivery("standard");
        assertCardError(browser, "4111 1111 1111 1112", expiry(1), "123", "card_number", "Please enter a valid card number.");
        assertCardError(browser, "4111-abcd", expiry(1), "123", "card_number", "Please enter a valid card number.");
        assertCardError(browser, "", expiry(1), "123", "card_number", "Please enter your card number.");
        assertCardError(browser, "4111111111111111", "13/30", "123", "card_expiry", "Please enter a month from 01 to 12.");
        assertCardError(browser, "4111111111111111", "tomorrow", "123", "card_expiry", "Please enter the expiry date as MM/YY, like 08/29.");
        assertCardError(browser, "4111111111111111", expiry(1), "12", "card_cvc", "The security code (CVC) is the 3 or 4 digits on your card.");
        assertCardError(browser, "4111111111111111", expiry(1), "12a4", "card_cvc", "The security code (CVC) is the 3 or 4 digits on your card.");
        assertCardError(browser, "4111111111111111", expiry(1), "", "card_cvc", "Please enter the security code (CVC).");
        assertThat(fixtures.cartRow(browser.cartToken())[3]).isNull();

        Response none = browser.post("/checkout/payment", "payment_method", "bitcoin");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(html(none).select("[data-field-error=payment_method]").text()).isEqualTo("Please choose how you want to pay.");
    }

    static void assertCardError(Browser browser, String number, String expiry, String cvc, String field, String message) {
        Response r = browser.post("/checkout/payment", "payment_method", "card", "card_number", number, "card_expiry",
                expiry, "card_cvc", cvc);
        assertThat(r.statusCode()).as(number + " " + expiry + " " + cvc).isEqualTo(400);
        Document page = html(r);
        assertThat(page.select("[data-field-error=" + field + "]").text()).isEqualTo(message);
        assertThat(page.select("input[name=card_number]").attr("value")).isEmpty();
        assertThat(page.select("input[name=card_cvc]").attr("value")).isEmpty();
    }

    @Test
    void payOnDeliveryNeedsNoCard() {
        Browser browser = shopperWithItem().fillAddress().chooseDelivery("express");
        Document payment = html(browser.get("/checkout/payment"));
        assertThat(payment.select("input[name=payment_method]").eachAttr("value")).containsExactly("card", "cod");
        assertThat(payment.select(".checkout-summary [data-shipping-total]").text()).isEqualTo("$14.99");
        assertThat(payment.select(".checkout-summary [data-total]").text()).isEqualTo("$38.99");
        browser.payOnDelivery();
        assertThat(fixtures.cartRow(browser.cartToken())[3]).isEqualTo("cod");
    }

    @Test
    void theConfirmPageSummarisesEverything() {
        ShopFixtures.Item shirt = fixtures.product("Linen Shirt", "29.50", 10, "size:L");
        Browser browser = new Browser().addToCart(shirt.variantId(), 2).fillAddress().chooseDelivery("express")
                .payByCard("4111 1111 1111 1111");
        Response r = browser.get("/checkout/confirm");
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = html(r);
        assertThat(page.select(".confirm-items a[href=/products/" + shirt.slug() + "]").text()).isEqualTo(shirt.name());
        assertThat(page.select(".confirm-items").text()).contains(shirt.label()).contains("$29.50").contains("$59.00");
        assertThat(page.select("[data-address]").text()).contains("Grace Guest").contains("10 Downing Lane")
                .contains("Springfield 62704").contains("United States");
        assertThat(page.select("[data-delivery]").text()).isEqualTo("Express");
        assertThat(page.select("[data-payment]").text()).isEqualTo("Visa ending in 1111");
        assertThat(page.select(".confirm-totals [data-item-total]").text()).isEqualTo("$59.00");
        assertThat(page.select(".confirm-totals [data-shipping-total]").text()).isEqualTo("$14.99");
        assertThat(page.select(".confirm-totals [data-total]").text()).isEqualTo("$73.99");
        assertThat(page.select("form[action=/checkout/confirm] button").text()).isEqualTo("Place order");
        assertThat(page.select(".checkout-steps li[aria-current=step]").text()).isEqualTo("4 Confirm");
        assertThat(page.select(".checkout-steps li.done")).hasSize(3);
    }

    @Test
    void cardNumbersAndCvcsNeverReachTheLog() {
        java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : String.valueOf(record.getThrown())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            org.jboss.logging.Logger.getLogger(CheckoutStepsTest.class).info("log capture works");
            Browser browser = shopperWithItem().fillAddress().chooseDelivery("standard");
            browser.post("/checkout/payment", "payment_method", "card", "card_number", "5105 1051 0510 5100",
                    "card_expiry", expiry(1), "card_cvc", "9182");
            browser.post("/checkout/payment", "payment_method", "card", "card_number", "4111111111111111",
                    "card_expiry", expiry(1), "card_cvc", "8273");
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).as("the capture sees the application's log").anyMatch(line -> line.contains("log capture works"));
        assertThat(logged).noneMatch(line -> line.contains("5105") || line.contains("9182")
                || line.contains("4111111111111111") || line.contains("8273"));
    }

    /** September of the year {@code yearsAhead} after the shop's current year, as a card expiry. */
    static String expiry(int yearsAhead) {
        return ShopTime.cardExpiry(ShopTime.thisMonth().withMonth(9).plusYears(yearsAhead));
    }
}
