package dev.mirshop.storefront.cart;

import static dev.mirshop.storefront.cart.Browser.html;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class CartPageTest {

    @Inject
    ShopFixtures fixtures;

    @Test
    void anEmptyCartSaysSo() {
        Response r = new Browser().get("/cart");
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = html(r);
        assertThat(page.select("h1").text()).isEqualTo("Your cart");
        assertThat(page.text()).contains("Your cart is empty");
        assertThat(page.select("a[href=/checkout]")).isEmpty();
        assertThat(page.select("[data-cart-count]").text()).isEqualTo("0");
    }

    @Test
    void addingRedirectsToTheCartAndIssuesTheCartCookie() {
        ShopFixtures.Item tote = fixtures.product("Canvas Tote", "15.99", 10);
        Browser browser = new Browser();
        Response r = browser.post("/cart/add", "variant_id", tote.variantId(), "quantity", 2);

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/cart");
        String setCookie = r.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("mir_cart="))
                .findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/").contains("Max-Age=2592000").doesNotContainIgnoringCase("Secure");
        assertThat(CartCookie.isWellFormed(browser.cartToken())).isTrue();
        assertThat(fixtures.quantityInCart(browser.cartToken(), tote.variantId())).isEqualTo(2);
    }

    @Test
    void theCartCookieIsSecureBehindATlsProxy() {
        ShopFixtures.Item tote = fixtures.product("Canvas Tote", "15.99", 10);
        Browser browser = new Browser();
        // the tests' client is the trusted proxy (quarkus.http.proxy.trusted-proxies=127.0.0.1 outside production)
        browser.headers.put("X-Forwarded-Proto", "https");
        Response r = browser.post("/cart/add", "variant_id", tote.variantId(), "quantity", 1);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("mir_cart=").containsIgnoringCase("Secure"));
        assertThat(browser.cookies).containsKey("__Host-mir_csrf").doesNotContainKey("mir_csrf");
    }

    @Test
    void theCartShowsEachLineWithPriceQuantityAndTotals() {
        ShopFixtures.Item shirt = fixtures.product("Linen Shirt", "29.50", 10, "size:M");
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 10);
        Browser browser = new Browser().addToCart(shirt.variantId(), 2).addToCart(mug.variantId(), 1);

        Response r = browser.get("/cart");
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = html(r);
        Element line = page.selectFirst("tr.cart-line:has(a[href=/products/" + shirt.slug() + "])");
        assertThat(line).isNotNull();
        assertThat(line.selectFirst("a.product-name").text()).isEqualTo(shirt.name());
        assertThat(line.select(".variant-label").text()).isEqualTo(shirt.label());
        assertThat(line.selectFirst("img.cart-thumb").attr("src")).isEqualTo("/images/fixtures/" + shirt.slug() + ".svg");
        assertThat(line.select("td[data-label=Price]").text()).isEqualTo("$29.50");
        assertThat(line.selectFirst("input[name=quantity]").attr("value")).isEqualTo("2");
        assertThat(line.select(".line-total").text()).isEqualTo("$59.00");
        assertThat(line.select("form[action=/cart/remove] button").text()).startsWith("Remove");
        assertThat(page.select("[data-subtotal]").text()).isEqualTo("$71.00");
        assertThat(page.select(".shipping-note").text()).contains("$4.00 more for free Standard shipping");
        assertThat(page.select("a[href=/checkout]").text()).isEqualTo("Checkout");
        assertThat(page.select("[data-cart-count]").text()).isEqualTo("3");
    }

    @Test
    void theHeaderCountShowsOnOtherPagesToo() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 10);
        Browser browser = new Browser().addToCart(mug.variantId(), 4);
        assertThat(html(browser.get("/")).select("[data-cart-count]").text()).isEqualTo("4");
    }

    @Test
    void addingTheSameVariantAgainIncreasesItsQuantity() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 10);
        Browser browser = new Browser().addToCart(mug.variantId(), 1).addToCart(mug.variantId(), 2);
        assertThat(fixtures.quantityInCart(browser.cartToken(), mug.variantId())).isEqualTo(3);
        assertThat(html(browser.get("/cart")).select("tr.cart-line")).hasSize(1);
    }

    @Test
    void updateChangesTheQuantityAndRemoveTakesTheLineOut() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 10);
        ShopFixtures.Item tote = fixtures.product("Canvas Tote", "15.99", 10);
        Browser browser = new Browser().addToCart(mug.variantId(), 1).addToCart(tote.variantId(), 1);
        long mugItem = fixtures.cartItemId(browser.cartToken(), mug.variantId());

        Browser.expectRedirect(browser.post("/cart/update", "item_id", mugItem, "quantity", 5), "/cart");
        assertThat(fixtures.quantityInCart(browser.cartToken(), mug.variantId())).isEqualTo(5);

        Browser.expectRedirect(browser.post("/cart/remove", "item_id", mugItem), "/cart");
        assertThat(fixtures.quantityInCart(browser.cartToken(), mug.variantId())).isZero();
        Document page = html(browser.get("/cart"));
        assertThat(page.select("tr.cart-line")).hasSize(1);
        assertThat(page.select("[data-cart-count]").text()).isEqualTo("1");
    }

    @Test
    void moreThanInStockIsRefusedWithOnlyNLeft() {
        ShopFixtures.Item scarf = fixtures.product("Wool Scarf", "40.00", 3);
        Browser browser = new Browser();
        Response r = browser.post("/cart/add", "variant_id", scarf.variantId(), "quantity", 4);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(html(r).select("[data-error]").text()).isEqualTo("Only 3 left of " + scarf.name() + ".");

        browser.addToCart(scarf.variantId(), 2);
        r = browser.post("/cart/add", "variant_id", scarf.variantId(), "quantity", 2);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(html(r).select("[data-error]").text()).contains("Only 3 left of " + scarf.name())
                .contains("You already have 2 in your cart");
        assertThat(fixtures.quantityInCart(browser.cartToken(), scarf.variantId())).isEqualTo(2);

        long item = fixtures.cartItemId(browser.cartToken(), scarf.variantId());
        r = browser.post("/cart/update", "item_id", item, "quantity", 4);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(html(r).select("[data-error]").text()).isEqualTo("Only 3 left of " + scarf.name() + ".");
        assertThat(fixtures.quantityInCart(browser.cartToken(), scarf.variantId())).isEqualTo(2);
    }

    @Test
    void anOutOfStockVariantCannotBeAdded() {
        ShopFixtures.Item gone = fixtures.product("Sold Out Cap", "20.00", 0);
        Browser browser = new Browser();
        Response r = browser.post("/cart/add", "variant_id", gone.variantId(), "quantity", 1);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(html(r).select("[data-error]").text()).isEqualTo("Sorry, " + gone.name() + " is out of stock.");
        assertThat(browser.cartToken()).isNull();
    }

}
