package dev.mirshop.storefront.checkout;

import static dev.mirshop.storefront.cart.Browser.expectRedirect;
import static dev.mirshop.storefront.cart.Browser.html;
import static dev.mirshop.storefront.checkout.CheckoutStepsTest.assertCardError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.testing.ShopTime;
import dev.mirshop.testing.ShopTime.Moment;
import dev.mirshop.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Card expiry and the order's date at every moment of {@link ShopTime#calendar()}: a card is good through the last
 * second of its expiry month (UTC), the test card 12/30 stops being accepted in 2031, and the order page shows the
 * day the order was placed on the shop's clock.
 */
@QuarkusTest
class CheckoutCalendarTest {

    static final DateTimeFormatter ORDER_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    @Inject
    ShopFixtures fixtures;

    private Browser atPayment() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 50);
        return new Browser().addToCart(mug.variantId(), 1).fillAddress().chooseDelivery("standard");
    }

    private static Response pay(Browser browser, String expiry) {
        return browser.post("/checkout/payment", "payment_method", "card", "card_number", "4111111111111111",
                "card_expiry", expiry, "card_cvc", "123");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void cardsAreGoodThroughTheirExpiryMonth(Moment moment) {
        ShopTime.at(moment);
        YearMonth thisMonth = YearMonth.from(moment.instant().atZone(ZoneOffset.UTC));
        Browser browser = atPayment();
        assertCardError(browser, "4111111111111111", ShopTime.cardExpiry(thisMonth.minusMonths(1)), "123",
                "card_expiry", "This card has expired.");
        assertCardError(browser, "4111111111111111", ShopTime.cardExpiry(thisMonth.plusYears(21)), "123",
                "card_expiry", "Please check the expiry date.");
        if (moment.testCardValid()) {
            expectRedirect(pay(browser, "12/30"), "/checkout/confirm");
        } else {
            assertCardError(browser, "4111111111111111", "12/30", "123", "card_expiry", "This card has expired.");
        }
        expectRedirect(pay(browser, ShopTime.cardExpiry(thisMonth)), "/checkout/confirm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void theOrderPageShowsTheDayTheOrderWasPlaced(Moment moment) {
        ShopTime.at(moment);
        Browser browser = atPayment().payByCard("4111 1111 1111 1111");
        Response placed = browser.post("/checkout/confirm");
        assertThat(placed.statusCode()).isEqualTo(303);
        String shown = html(browser.get(placed.header("Location"))).select("[data-order-date]").text();
        assertThat(shown).isEqualTo(ORDER_DATE.format(moment.instant().atZone(ZoneOffset.UTC)));
    }

    @Test
    void aCardExpiringInDecemberIsRefusedFromTheFirstSecondOfJanuary() {
        TestClock clock = ShopTime.at(ShopTime.NEW_YEARS_EVE);
        Browser lastSecond = atPayment();
        expectRedirect(pay(lastSecond, "12/26"), "/checkout/confirm");

        clock.advance(Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(ShopTime.NEW_YEAR.instant());
        assertCardError(atPayment(), "4111111111111111", "12/26", "123", "card_expiry", "This card has expired.");
        assertCardError(lastSecond, "4111111111111111", "12/26", "123", "card_expiry", "This card has expired.");
    }
}
