package dev.mirshop.storefront.cart;

import static dev.mirshop.storefront.cart.Browser.html;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Every bad input of the cart forms gets a clear message in an HTML page of the shop and a 4xx, never a 500. */
@QuarkusTest
class CartBadInputTest {

    @Inject
    ShopFixtures fixtures;

    @ParameterizedTest(name = "quantity \"{0}\" on add")
    @CsvSource(delimiter = '|', value = {
            "0|Quantity must be at least 1",
            "-3|Quantity must be at least 1",
            "100|You can order at most 99 of one item",
            "99999999999999999999999|Quantity must be a whole number",
            "abc|Quantity must be a whole number",
            "1.5|Quantity must be a whole number",
            "' '|Please enter a quantity",
            "<script>|Quantity must be a whole number" })
    void badQuantitiesOnAddAreRefused(String quantity, String message) {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 500);
        Browser browser = new Browser().addToCart(mug.variantId(), 1);
        Response r = browser.post("/cart/add", "variant_id", mug.variantId(), "quantity", quantity);
        assertClearPage(r, 400, message);
        assertThat(fixtures.quantityInCart(browser.cartToken(), mug.variantId())).isEqualTo(1);
    }

    @Test
    void aMissingQuantityIsRefused() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 5);
        Browser browser = new Browser();
        assertClearPage(browser.post("/cart/add", "variant_id", mug.variantId()), 400, "Please enter a quantity");
        assertThat(browser.cartToken()).isNull();
    }

    @Test
    void addingBeyond99InTotalIsRefused() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 500);
        Browser browser = new Browser().addToCart(mug.variantId(), 60);
        assertClearPage(browser.post("/cart/add", "variant_id", mug.variantId(), "quantity", 40), 400,
                "at most 99 of one item; you already have 60 in your cart");
        assertThat(fixtures.quantityInCart(browser.cartToken(), mug.variantId())).isEqualTo(60);
    }

    @ParameterizedTest(name = "quantity \"{0}\" on update")
    @CsvSource(delimiter = '|', value = {
            "0|Quantity must be at least 1",
            "-1|Quantity must be at least 1",
            "1000|You can order at most 99 of one item",
            "two|Quantity must be a whole number" })
    void badQuantitiesOnUpdateAreRefused(String quantity, String message) {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 5000);
        Browser browser = new Browser().addToCart(mug.variantId(), 2);
        long item = fixtures.cartItemId(browser.cartToken(), mug.variantId());
        assertClearPage(browser.post("/cart/update", "item_id", item, "quantity", quantity), 400, message);
        assertThat(fixtures.quantityInCart(browser.cartToken(), mug.variantId())).isEqualTo(2);
    }

    @Test
    void variantIdsThatAreNotNumbersMissingOrUnknownAreRefused() {
        Browser browser = new Browser();
        assertClearPage(browser.post("/cart/add", "variant_id", "abc", "quantity", 1), 400, "That product could not be found");
        assertClearPage(browser.post("/cart/add", "variant_id", "1 OR 1=1", "quantity", 1), 400, "That product could not be found");
        assertClearPage(browser.post("/cart/add", "quantity", 1), 400, "Please choose a product");
        assertClearPage(browser.post("/cart/add", "variant_id", Long.MAX_VALUE, "quantity", 1), 404,
                "That product could not be found");
        assertClearPage(browser.post("/cart/add", "variant_id", "99999999999999999999999", "quantity", 1), 400,
                "That product could not be found");
        assertThat(browser.cartToken()).isNull();
    }

    @Test
    void anItemOfAnotherCartCannotBeChangedOrRemoved() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 10);
        Browser owner = new Browser().addToCart(mug.variantId(), 2);
        long ownersItem = fixtures.cartItemId(owner.cartToken(), mug.variantId());
        Browser intruder = new Browser().addToCart(mug.variantId(), 1);

        assertClearPage(intruder.post("/cart/update", "item_id", ownersItem, "quantity", 9), 404, "That item is not in your cart");
        assertClearPage(intruder.post("/cart/remove", "item_id", ownersItem), 404, "That item is not in your cart");
        assertClearPage(new Browser().post("/cart/remove", "item_id", ownersItem), 404, "That item is not in your cart");
        assertThat(fixtures.quantityInCart(owner.cartToken(), mug.variantId())).isEqualTo(2);
    }

    @Test
    void itemIdsThatAreNotNumbersAreRefused() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 10);
        Browser browser = new Browser().addToCart(mug.variantId(), 1);
        assertClearPage(browser.post("/cart/update", "item_id", "x", "quantity", 2), 400, "That item is not in your cart");
        assertClearPage(browser.post("/cart/remove", "item_id", "'; drop table carts; --"), 400, "That item is not in your cart");
        assertClearPage(browser.post("/cart/remove"), 400, "That item is not in your cart");
        assertThat(fixtures.quantityInCart(browser.cartToken(), mug.variantId())).isEqualTo(1);
    }

    @ParameterizedTest(name = "cart cookie \"{0}\"")
    @CsvSource({ "tampered", "abc'--", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%00" })
    void aTamperedCartCookieGetsA400PageAndIsCleared(String value) {
        for (String path : new String[] { "/cart", "/checkout", "/checkout/address" }) {
            Browser browser = new Browser();
            browser.setCookie(CartCookie.NAME, value);
            Response r = browser.get(path);
            assertClearPage(r, 400, "Your cart cookie was invalid");
            assertThat(r.headers().getValues("Set-Cookie"))
                    .anySatisfy(c -> assertThat(c).startsWith("mir_cart=;").contains("Max-Age=0").contains("Path=/"));
            assertThat(browser.cartToken()).isNull();
        }
    }

    @Test
    void aTamperedCartCookieIsRefusedOnAddToo() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 10);
        Browser browser = new Browser();
        browser.get("/cart");
        browser.setCookie(CartCookie.NAME, "not-a-token");
        assertClearPage(browser.post("/cart/add", "variant_id", mug.variantId(), "quantity", 1), 400,
                "Your cart cookie was invalid");
        assertThat(browser.cartToken()).isNull();
    }

    @Test
    void aWellFormedButUnknownTokenIsTreatedAsNoCart() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 10);
        String forged = CartCookie.newToken();
        Browser browser = new Browser();
        browser.setCookie(CartCookie.NAME, forged);

        Response r = browser.get("/cart");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(html(r).text()).contains("Your cart is empty");

        browser.addToCart(mug.variantId(), 1);
        assertThat(browser.cartToken()).isNotEqualTo(forged);
        assertThat(fixtures.countCarts(forged)).isZero();
        assertThat(fixtures.quantityInCart(browser.cartToken(), mug.variantId())).isEqualTo(1);
    }

    @Test
    void aFormWithoutCsrfTokenIsRejectedAndChangesNothing() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 10);
        Browser browser = new Browser().addToCart(mug.variantId(), 1);
        long item = fixtures.cartItemId(browser.cartToken(), mug.variantId());

        Response add = browser.postWithoutCsrf("/cart/add", "variant_id", mug.variantId(), "quantity", 3);
        assertThat(add.statusCode()).isEqualTo(400);
        assertThat(html(add).select(".site-header")).isNotEmpty();
        assertThat(browser.postWithoutCsrf("/cart/update", "item_id", item, "quantity", 5).statusCode()).isEqualTo(400);
        assertThat(browser.postWithoutCsrf("/cart/remove", "item_id", item).statusCode()).isEqualTo(400);
        assertThat(fixtures.quantityInCart(browser.cartToken(), mug.variantId())).isEqualTo(1);

        Response guest = new Browser().postWithoutCsrf("/cart/add", "variant_id", mug.variantId(), "quantity", 1);
        assertThat(guest.statusCode()).isEqualTo(400);
        assertThat(guest.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("mir_cart="));
    }

    /**
     * The product page is shared, so a visitor's add-to-cart form has no token (CsrfFilter.VISITOR_FORMS): it is taken
     * only when the browser says it comes from this shop's page, never when it says another site, or says nothing.
     */
    @Test
    void aVisitorsAddToCartNeedsNoTokenOnlyWhenTheBrowserSaysItIsThisShop() {
        ShopFixtures.Item mug = fixtures.product("Visitor Mug", "12.00", 10);
        assertThat(html(new Browser().get("/products/" + mug.slug())).select("form.add-to-cart input[name=csrf-token]"))
                .as("a visitor's product page has no token to send").isEmpty();

        Browser fetchMetadata = visitor("Sec-Fetch-Site", "same-origin");
        Response added = fetchMetadata.postWithoutCsrf("/cart/add", "variant_id", mug.variantId(), "quantity", 2);
        assertThat(added.statusCode()).as(added.asString()).isEqualTo(303);
        assertThat(fetchMetadata.cartToken()).as("the cart cookie").isNotNull();
        assertThat(fixtures.quantityInCart(fetchMetadata.cartToken(), mug.variantId())).isEqualTo(2);
        assertThat(html(fetchMetadata.get("/cart")).select(".cart-line").text()).contains(mug.name());

        Browser originOnly = visitor("Origin", "http://localhost:" + RestAssured.port); // a browser without Fetch Metadata
        assertThat(originOnly.postWithoutCsrf("/cart/add", "variant_id", mug.variantId(), "quantity", 1).statusCode())
                .isEqualTo(303);
        assertThat(fixtures.quantityInCart(originOnly.cartToken(), mug.variantId())).isEqualTo(1);

        for (String[] header : new String[][] { { "Sec-Fetch-Site", "cross-site" }, { "Sec-Fetch-Site", "same-site" },
                { "Origin", "https://evil.example" }, { "Origin", "null" } }) {
            Response refused = visitor(header[0], header[1]).postWithoutCsrf("/cart/add", "variant_id", mug.variantId(),
                    "quantity", 1);
            assertThat(refused.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(403);
            assertThat(refused.asString()).contains("came from another site");
            assertThat(refused.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("mir_cart="));
        }
        Response silent = new Browser().postWithoutCsrf("/cart/add", "variant_id", mug.variantId(), "quantity", 1);
        assertThat(silent.statusCode()).as("neither header (an old browser, curl): the token is needed").isEqualTo(400);
        assertThat(silent.asString()).contains("did not come from this shop");
        assertThat(silent.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("mir_cart="));

        Response wrongToken = fetchMetadata.request().contentType(ContentType.URLENC).formParam("csrf-token", "x".repeat(43))
                .formParam("variant_id", mug.variantId()).formParam("quantity", 1).post("/cart/add");
        assertThat(wrongToken.statusCode()).as("a token that is sent is checked, same-origin or not").isEqualTo(400);

        long item = fixtures.cartItemId(fetchMetadata.cartToken(), mug.variantId());
        assertThat(fetchMetadata.postWithoutCsrf("/cart/update", "item_id", item, "quantity", 5).statusCode())
                .as("any other form still needs the token").isEqualTo(400);
        assertThat(fetchMetadata.postWithoutCsrf("/cart/remove", "item_id", item).statusCode()).isEqualTo(400);
        assertThat(fetchMetadata.postWithoutCsrf("/checkout/address", "email", "guest@example.test").statusCode())
                .isEqualTo(400);
        assertThat(fixtures.quantityInCart(fetchMetadata.cartToken(), mug.variantId())).isEqualTo(2);
    }

    private static Browser visitor(String header, String value) {
        Browser browser = new Browser();
        browser.headers.put(header, value);
        return browser;
    }

    /** A 4xx HTML page in the shop's layout with the message, and nothing that looks like a stack trace. */
    static void assertClearPage(Response r, int status, String message) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("text/html");
        Document page = html(r);
        assertThat(page.select(".site-header")).as("shop layout").isNotEmpty();
        assertThat(page.select("main").text()).contains(message);
        assertThat(r.asString()).doesNotContain("Exception").doesNotContain("at dev.mirshop");
    }
}
