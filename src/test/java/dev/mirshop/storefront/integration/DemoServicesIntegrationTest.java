package dev.mirshop.storefront.integration;

import static dev.mirshop.storefront.cart.Browser.html;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.storefront.clients.DiscountClient;
import dev.mirshop.storefront.clients.Redemption;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The default, all-in-one setup: the storefront calls the real ad and discount services in its own process over
 * loopback HTTP, with their demo data. Pages show a real ad and teaser; a demo code discounts a real order and the
 * discount service holds exactly one redemption for it, even when redeem is called again.
 */
@QuarkusTest
class DemoServicesIntegrationTest {

    static final Pattern ORDER_LINK = Pattern.compile("^/orders/(R\\d{9})\\?token=([A-Za-z0-9_-]{43})$");

    @Inject
    ShopFixtures fixtures;
    @Inject
    EntityManager em;
    @Inject
    DiscountClient discounts;
    @Inject
    @io.quarkus.agroal.DataSource("discounts")
    AgroalDataSource discountsDb;

    /** The first loopback calls may miss the 150 ms budget while the JVM warms up: ask until the slot fills. */
    static Document pageWithAd(String path) {
        Document[] page = new Document[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Response r = given().accept("text/html").get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            page[0] = Jsoup.parse(r.asString());
            assertThat(page[0].select("section.slot.slot-ad a")).isNotEmpty();
        });
        return page[0];
    }

    @Test
    void theHomePageShowsADemoAdAndTeaser() {
        Document home = pageWithAd("/");
        String href = home.select("section.slot.slot-ad a").attr("href");
        assertThat(href).matches("/ads/\\d+/click");
        assertThat(home.select("section.slot.slot-ad img").attr("src")).matches("/banners/\\d+/[0-9a-f]{16}\\.svg");
        assertThat(home.select("section.slot.slot-ad img").attr("alt")).isNotBlank();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
                Jsoup.parse(given().get("/").asString()).select("section.slot.slot-teaser .discount-teaser").text())
                .matches("Use code [A-Z0-9_-]+ for .+\\."));

        // the banner is served by the ad service at its stable URL, the click redirects into the shop
        given().get(home.select("section.slot.slot-ad img").attr("src")).then().statusCode(200);
        Response click = given().redirects().follow(false).get(href);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.header("Location")).matches("(https?://[^/]+)?/.*");
    }

    @Test
    void aShirtPageShowsAnAd() {
        Document shirt = pageWithAd("/products/oxford-button-down-shirt");
        assertThat(shirt.select("h1").text()).containsIgnoringCase("shirt");
        assertThat(shirt.select("section.slot.slot-ad img").attr("src")).matches("/banners/\\d+/[0-9a-f]{16}\\.svg");
    }

    @Transactional
    Object[] orderDiscount(String number) {
        return (Object[]) em.createNativeQuery("select discount_code, discount_total, total from orders where number = ?1")
                .setParameter(1, number).getSingleResult();
    }

    long redemptions(String number) throws SQLException {
        try (Connection c = discountsDb.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from discounts.discount_redemptions where order_number = ?")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aDemoCodeDiscountsTheOrderAndIsRedeemedOnce() throws SQLException {
        ShopFixtures.Item tote = fixtures.product("Demo Coupon Tote", "45.00", 5);
        Browser browser = new Browser().addToCart(tote.variantId(), 1);

        Response expired = browser.post("/cart/coupon", "code", "SUMMER25");
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(html(expired).select("[data-coupon-error]").text()).isEqualTo("The code SUMMER25 has expired.");

        Browser.expectRedirect(browser.post("/cart/coupon", "code", "take5"), "/cart");
        Document cart = html(browser.get("/cart"));
        assertThat(cart.select("[data-discount]").text()).isEqualTo("−$5.00");
        assertThat(cart.select("[data-cart-total]").text()).isEqualTo("$40.00");

        browser.fillAddress().chooseDelivery("standard").payByCard("4111 1111 1111 1111");
        Response placed = browser.post("/checkout/confirm");
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(303);
        Matcher link = ORDER_LINK.matcher(placed.header("Location"));
        assertThat(link.matches()).isTrue();
        String number = link.group(1);
        Object[] order = orderDiscount(number);
        assertThat(order[0]).isEqualTo("TAKE5");
        assertThat((BigDecimal) order[1]).isEqualByComparingTo("5.00");
        assertThat((BigDecimal) order[2]).isEqualByComparingTo("45.99");
        assertThat(redemptions(number)).isEqualTo(1);

        // a retried redeem (same order number) answers as the first and does not count again
        Redemption retry = discounts.redeem("TAKE5", number, "guest@example.test", new BigDecimal("45.00"));
        assertThat(retry.isRedeemed()).as(retry.toString()).isTrue();
        assertThat(redemptions(number)).isEqualTo(1);

        Document orderPage = html(browser.get(placed.header("Location")));
        assertThat(orderPage.select(".order-totals [data-discount]").text()).isEqualTo("−$5.00");
    }

    @Test
    @TestSecurity(user = ShopFixtures.OWNER_EMAIL, roles = "shopper", attributes = @SecurityAttribute(key = "account_id",
            value = "990001", type = AttributeType.LONG))
    void anAccountsOrderHistoryShowsTheDiscount() throws SQLException {
        fixtures.ensureAccounts();
        ShopFixtures.Item shirt = fixtures.product("Demo Coupon Shirt", "30.00", 5);
        Browser browser = new Browser().addToCart(shirt.variantId(), 1);
        Browser.expectRedirect(browser.post("/cart/coupon", "code", "BLACKFRIDAY20"), "/cart");
        Response placed = browser.fillAddress().chooseDelivery("standard").payOnDelivery().post("/checkout/confirm");
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(303);
        Matcher link = ORDER_LINK.matcher(placed.header("Location"));
        assertThat(link.matches()).isTrue();
        String number = link.group(1);
        assertThat((BigDecimal) orderDiscount(number)[1]).isEqualByComparingTo("6.00");
        try (Connection c = discountsDb.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select customer_key from discounts.discount_redemptions where order_number = ?")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the account is the customer").isEqualTo("account-990001");
            }
        }
        Document account = html(browser.get("/account"));
        assertThat(account.select("tr[data-order=" + number + "] [data-discount]").text())
                .isEqualTo("BLACKFRIDAY20: −$6.00");
    }
}
