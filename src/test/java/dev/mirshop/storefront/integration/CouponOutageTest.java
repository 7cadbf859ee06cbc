package dev.mirshop.storefront.integration;

import dev.mirshop.storefront.clients.ShortBudgetsProfile;
import dev.mirshop.storefront.clients.WireMockServices;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.mirshop.storefront.cart.Browser.html;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The cart's coupon field and the order's discount against a stand-in discount service: applied, rejected with
 * the reason, unavailable (slow, failing, gone) with the cart kept, and an order never placed with a discount that
 * was not redeemed.
 */
@QuarkusTest
@TestProfile(ShortBudgetsProfile.class)
@QuarkusTestResource(value = WireMockServices.class, restrictToAnnotatedClass = true)
class CouponOutageTest {

    static final Pattern ORDER_LINK = Pattern.compile("^/orders/(R\\d{9})\\?token=([A-Za-z0-9_-]{43})$");
    static final long ESSENTIAL_LIMIT_MS = ShortBudgetsProfile.ESSENTIAL_TIMEOUT_MS + 900;

    @Inject
    ShopFixtures fixtures;
    @Inject
    EntityManager em;
    @Inject
    CircuitBreakerMaintenance breakers;
    @Inject
    dev.mirshop.storefront.clients.DiscountClient discounts;

    static boolean warm;

    @BeforeEach
    void reset() {
        WireMockServices.restart();
        WireMockServices.server.stubFor(get(urlPathEqualTo("/api/ads/select")).willReturn(okJson("[]")));
        WireMockServices.server.stubFor(get(urlEqualTo("/api/discounts/teaser")).willReturn(aResponse().withStatus(404)));
        if (!warm) {
            // the first calls load classes and open connections; the 400 ms budget is about a running shop
            validateAnswers(rejects("unknown"));
            redeemAnswers(okJson("{\"redeemed\":false,\"reason\":\"unknown\"}"));
            for (int i = 0; i < 5; i++) {
                discounts.validate("WARM", BigDecimal.ONE, null, List.of());
                discounts.redeem("WARM", "R0", "warm@example.com", BigDecimal.ONE);
            }
            WireMockServices.restart();
            WireMockServices.server.stubFor(get(urlPathEqualTo("/api/ads/select")).willReturn(okJson("[]")));
            WireMockServices.server.stubFor(get(urlEqualTo("/api/discounts/teaser")).willReturn(aResponse().withStatus(404)));
            warm = true;
        }
        breakers.resetAll();
    }

    @AfterEach
    void restart() {
        WireMockServices.acceptConnections();
    }

    static void validateAnswers(ResponseDefinitionBuilder answer) {
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/validate")).willReturn(answer));
    }

    static void redeemAnswers(ResponseDefinitionBuilder answer) {
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/redeem")).willReturn(answer));
    }

    static ResponseDefinitionBuilder applies(String code, String amount, boolean freeShipping) {
        return okJson("{\"valid\":true,\"code\":\"" + code + "\",\"kind\":\"" + (freeShipping ? "free_shipping" : "percent")
                + "\",\"amount\":" + amount + ",\"freeShipping\":" + freeShipping + ",\"message\":\"ok\"}");
    }

    static ResponseDefinitionBuilder redeems(String code, String amount, boolean freeShipping) {
        return okJson("{\"redeemed\":true,\"code\":\"" + code + "\",\"kind\":\"percent\",\"amount\":" + amount
                + ",\"freeShipping\":" + freeShipping + "}");
    }

    static ResponseDefinitionBuilder rejects(String reason) {
        return okJson("{\"valid\":false,\"reason\":\"" + reason + "\",\"message\":\"service words\"}");
    }

    @Transactional
    String cartCode(String token) {
        List<?> rows = em.createNativeQuery("select discount_code from carts where token = ?1").setParameter(1, token)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    @Transactional
    Object[] orderDiscount(String number) {
        return (Object[]) em.createNativeQuery("select discount_code, discount_total, total from orders where number = ?1")
                .setParameter(1, number).getSingleResult();
    }

    Browser cartWith(ShopFixtures.Item item, int quantity) {
        return new Browser().addToCart(item.variantId(), quantity);
    }

    @Test
    void anAppliedCodeShowsInCartCheckoutAndOrder() {
        ShopFixtures.Item tee = fixtures.product("Coupon Tee", "25.00", 10);
        Browser browser = cartWith(tee, 2);
        validateAnswers(applies("TEST10", "5.00", false));

        Response applied = browser.post("/cart/coupon", "code", "test10");
        Browser.expectRedirect(applied, "/cart");
        assertThat(cartCode(browser.cartToken())).isEqualTo("TEST10");
        WireMockServices.server.verify(postRequestedFor(urlEqualTo("/api/discounts/validate"))
                .withRequestBody(equalToJson("{\"code\":\"test10\",\"orderTotal\":50.00,\"customer\":\"cart-"
                        + browser.cartToken() + "\",\"items\":[{\"sku\":\"" + tee.sku()
                        + "\",\"quantity\":2,\"unitPrice\":25.00}]}", true, false)));

        Document cart = html(browser.get("/cart"));
        assertThat(cart.select("[data-discount]").text()).isEqualTo("−$5.00");
        assertThat(cart.select("[data-cart-total]").text()).isEqualTo("$45.00");
        assertThat(cart.select("[data-coupon]").attr("data-coupon")).isEqualTo("TEST10");

        browser.fillAddress().chooseDelivery("standard").payOnDelivery();
        Document confirm = html(browser.get("/checkout/confirm"));
        assertThat(confirm.select(".confirm-totals [data-discount]").text()).isEqualTo("−$5.00");
        assertThat(confirm.select(".confirm-totals [data-total]").text()).isEqualTo("$50.99");
        // the checkout's customer is now the guest's email
        WireMockServices.server.verify(postRequestedFor(urlEqualTo("/api/discounts/validate"))
                .withRequestBody(matchingJsonPath("$.customer", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("guest@example.test"))));

        redeemAnswers(redeems("TEST10", "5.00", false));
        Response placed = browser.post("/checkout/confirm");
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(303);
        Matcher link = ORDER_LINK.matcher(placed.header("Location"));
        assertThat(link.matches()).isTrue();
        String number = link.group(1);
        Object[] order = orderDiscount(number);
        assertThat(order[0]).isEqualTo("TEST10");
        assertThat((BigDecimal) order[1]).isEqualByComparingTo("5.00");
        assertThat((BigDecimal) order[2]).isEqualByComparingTo("50.99");
        WireMockServices.server.verify(1, postRequestedFor(urlEqualTo("/api/discounts/redeem"))
                .withRequestBody(equalToJson("{\"code\":\"TEST10\",\"orderNumber\":\"" + number
                        + "\",\"customer\":\"guest@example.test\",\"orderTotal\":50.00}", true, false)));
        Document orderPage = html(browser.get(placed.header("Location")));
        assertThat(orderPage.select(".order-totals [data-discount]").text()).isEqualTo("−$5.00");
        assertThat(orderPage.select(".order-totals").text()).contains("TEST10");
        assertThat(cartCode(browser.cartToken())).as("the code left with the order").isNull();
    }

    @Test
    void freeShippingTakesTheShippingOffAndFixedAmountsNeverExceedTheItems() {
        ShopFixtures.Item mug = fixtures.product("Coupon Mug", "12.00", 10);
        Browser browser = cartWith(mug, 1);
        validateAnswers(applies("FREESHIP", "0", true));
        Browser.expectRedirect(browser.post("/cart/coupon", "code", "FREESHIP"), "/cart");
        assertThat(html(browser.get("/cart")).select("[data-discount]").text()).isEqualTo("Free shipping");
        browser.fillAddress().chooseDelivery("express").payOnDelivery();
        Document confirm = html(browser.get("/checkout/confirm"));
        assertThat(confirm.select(".confirm-totals [data-discount]").text()).isEqualTo("−$14.99");
        assertThat(confirm.select(".confirm-totals [data-total]").text()).isEqualTo("$12.00");

        validateAnswers(applies("BIG50", "50.00", false));
        Browser.expectRedirect(browser.post("/cart/coupon", "code", "BIG50"), "/cart");
        Document cart = html(browser.get("/cart"));
        assertThat(cart.select("[data-discount]").text()).isEqualTo("−$12.00");
        assertThat(cart.select("[data-cart-total]").text()).isEqualTo("$0.00");
        confirm = html(browser.get("/checkout/confirm"));
        assertThat(confirm.select(".confirm-totals [data-total]").text()).as("shipping is still paid").isEqualTo("$14.99");

        Browser.expectRedirect(browser.post("/cart/coupon/remove"), "/cart");
        assertThat(cartCode(browser.cartToken())).isNull();
        assertThat(html(browser.get("/cart")).select("[data-discount]")).isEmpty();
    }

    @Test
    void rejectedCodesSayWhyNextToTheField() {
        ShopFixtures.Item bag = fixtures.product("Coupon Bag", "20.00", 10);
        Browser browser = cartWith(bag, 1);
        String[][] cases = {
            {"unknown", "We do not know the code NOPE"},
            {"not_started", "is not active yet"},
            {"expired", "has expired"},
            {"minimum_not_met", "Your items come to $20.00, below the minimum order total for NOPE"},
            {"exhausted", "has been used up"},
            {"already_used", "You have already used the code NOPE"}};
        for (String[] c : cases) {
            validateAnswers(rejects(c[0]));
            Response r = browser.post("/cart/coupon", "code", "NOPE");
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            Document page = html(r);
            assertThat(page.select("[data-coupon-error]").text()).as(c[0]).contains(c[1]);
            assertThat(page.select("#coupon-code").val()).isEqualTo("NOPE");
            assertThat(page.select(".cart-line")).hasSize(1);
        }
        assertThat(cartCode(browser.cartToken())).isNull();
        Response blank = browser.post("/cart/coupon", "code", "  ");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(html(blank).select("[data-coupon-error]").text()).isEqualTo("Please enter a discount code.");
        Response odd = browser.post("/cart/coupon", "code", "<script>x</script>");
        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.asString()).doesNotContain("<script>x");
    }

    @Test
    void anUnavailableDiscountServiceKeepsTheCart() {
        ShopFixtures.Item cap = fixtures.product("Coupon Cap", "15.00", 10);
        Browser browser = cartWith(cap, 1);
        Runnable[] outages = {
            () -> validateAnswers(applies("LATE", "1.00", false).withFixedDelay(2000)),
            () -> validateAnswers(aResponse().withStatus(500)),
            WireMockServices::refuseConnections};
        for (Runnable outage : outages) {
            breakers.resetAll();
            outage.run();
            long start = System.nanoTime();
            Response r = browser.post("/cart/coupon", "code", "LATE");
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(elapsed).isLessThan(ESSENTIAL_LIMIT_MS);
            Document page = html(r);
            assertThat(page.select("[data-coupon-error]").text()).startsWith("Discounts are unavailable right now");
            assertThat(page.select(".cart-line")).hasSize(1);
            assertThat(fixtures.quantityInCart(browser.cartToken(), cap.variantId())).isEqualTo(1);
            WireMockServices.acceptConnections();
        }
        assertThat(cartCode(browser.cartToken())).isNull();
    }

    @Test
    void anOrderIsNotPlacedWhenTheCodeCannotBeRedeemedAndARetryRedeemsOnce() {
        ShopFixtures.Item tote = fixtures.product("Coupon Tote", "40.00", 3);
        Browser browser = cartWith(tote, 1);
        validateAnswers(applies("TAKE5", "5.00", false));
        Browser.expectRedirect(browser.post("/cart/coupon", "code", "TAKE5"), "/cart");
        browser.fillAddress().chooseDelivery("standard").payOnDelivery();

        redeemAnswers(aResponse().withStatus(500));
        Response failed = browser.post("/checkout/confirm");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(html(failed).select("[data-stock-problem]").text())
                .isEqualTo("Discounts are unavailable right now — remove the code or try again.");
        assertThat(fixtures.ordersWithSku(tote.sku())).isZero();
        assertThat(fixtures.stock(tote.variantId())).isEqualTo(3);
        assertThat(fixtures.quantityInCart(browser.cartToken(), tote.variantId())).isEqualTo(1);
        assertThat(cartCode(browser.cartToken())).isEqualTo("TAKE5");

        redeemAnswers(redeems("TAKE5", "5.00", false).withFixedDelay(2000));
        Response slow = browser.post("/checkout/confirm");
        assertThat(slow.statusCode()).isEqualTo(503);
        assertThat(fixtures.ordersWithSku(tote.sku())).isZero();

        redeemAnswers(redeems("TAKE5", "5.00", false));
        Response placed = browser.post("/checkout/confirm");
        assertThat(placed.statusCode()).isEqualTo(303);
        Matcher link = ORDER_LINK.matcher(placed.header("Location"));
        assertThat(link.matches()).isTrue();
        String number = link.group(1);
        assertThat((BigDecimal) orderDiscount(number)[1]).isEqualByComparingTo("5.00");
        assertThat(fixtures.stock(tote.variantId())).isEqualTo(2);
        // every attempt redeemed under the same order number: the service counts the code once
        List<LoggedRequest> redeems = WireMockServices.server.findAll(postRequestedFor(urlEqualTo("/api/discounts/redeem")));
        assertThat(redeems).hasSize(3);
        assertThat(redeems).allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"orderNumber\":\"" + number + "\""));
    }

    @Test
    void aRejectedRedeemPlacesNothing() {
        ShopFixtures.Item tote = fixtures.product("Coupon Tote", "40.00", 3);
        Browser browser = cartWith(tote, 1);
        validateAnswers(applies("WELCOME10", "4.00", false));
        Browser.expectRedirect(browser.post("/cart/coupon", "code", "WELCOME10"), "/cart");
        browser.fillAddress().chooseDelivery("standard").payOnDelivery();
        redeemAnswers(okJson("{\"redeemed\":false,\"reason\":\"already_used\",\"message\":\"x\"}"));
        Response refused = browser.post("/checkout/confirm");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(html(refused).select("[data-stock-problem]").text()).contains("You have already used the code WELCOME10");
        assertThat(fixtures.ordersWithSku(tote.sku())).isZero();
        assertThat(fixtures.stock(tote.variantId())).isEqualTo(3);

        Browser.expectRedirect(browser.post("/cart/coupon/remove"), "/cart");
        Response placed = browser.post("/checkout/confirm");
        assertThat(placed.statusCode()).isEqualTo(303);
        Matcher link = ORDER_LINK.matcher(placed.header("Location"));
        assertThat(link.matches()).isTrue();
        Object[] order = orderDiscount(link.group(1));
        assertThat(order[0]).isNull();
        assertThat((BigDecimal) order[1]).isEqualByComparingTo("0");
    }
}
