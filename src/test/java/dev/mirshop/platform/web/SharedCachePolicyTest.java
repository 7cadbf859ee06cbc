package dev.mirshop.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.platform.security.csrf.CsrfFilter;
import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * What a shared cache (CDN, Varnish) may keep: catalog pages (listings, search, product pages) as an anonymous shopper
 * sees them, for a few seconds, varying on Cookie and Accept-Encoding. Nothing that is one shopper's: a page with a cart count, a logged-in header,
 * a form's CSRF token or a Set-Cookie is {@code private}, whatever page code rendered it.
 */
@QuarkusTest
class SharedCachePolicyTest {

    static final String SHARED = "public, max-age=0, s-maxage=10";
    static final List<String> LISTINGS = List.of("/", "/t/categories/clothing", "/products", "/products?keywords=tote");

    @Inject
    ShopFixtures fixtures;

    private ShopFixtures.Item tote;
    private List<String> catalog;

    @BeforeEach
    void product() {
        tote = fixtures.product("Shared Cache Tote", "12.00", 50);
        catalog = new java.util.ArrayList<>(LISTINGS);
        catalog.add("/products/" + tote.slug());
        catalog.add("/products/" + tote.slug() + "?variant=" + tote.variantId());
    }

    @Test
    void anAnonymousShoppersCatalogPagesAreSharedForAFewSeconds() {
        for (String path : catalog) {
            for (String method : List.of("GET", "HEAD")) {
                Response r = given().accept("text/html").request(method, path);
                assertThat(r.statusCode()).as(method + " " + path).isEqualTo(200);
                assertThat(r.header("Cache-Control")).as(method + " " + path).isEqualTo(SHARED);
                assertThat(r.header("Vary")).as(path).contains("Cookie").contains("Accept-Encoding");
                assertThat(r.headers().getValues("Set-Cookie")).as(path).isEmpty();
            }
        }
        Response withNonce = given().accept("text/html").cookie("mir_csrf", "x".repeat(43)).get("/");
        assertThat(withNonce.header("Cache-Control")).as("the CSRF nonce alone is nobody's page").isEqualTo(SHARED);
    }

    @Test
    void aPageWithACartCountIsNeverShared() {
        Browser shopper = new Browser().addToCart(tote.variantId(), 2);
        for (String path : catalog) {
            Response r = shopper.request().get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(r.asString()).select(".cart-count").text()).as("cart count on " + path).isEqualTo("2");
            assertThat(r.header("Cache-Control")).as(path + " with a cart").isEqualTo("private, no-cache");
        }
    }

    @Test
    void aLoggedInHeaderIsNeverShared() {
        Browser shopper = new Browser();
        String email = "shared-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        shopper.get("/signup");
        assertThat(shopper.post("/signup", "name", "Shared Person", "email", email, "password", "tall-violet-kettle-19",
                "password_confirmation", "tall-violet-kettle-19").statusCode()).isEqualTo(303);
        assertThat(shopper.logIn(email, "tall-violet-kettle-19").statusCode()).isEqualTo(303);
        for (String path : catalog) {
            Response r = shopper.request().get(path);
            Document page = Jsoup.parse(r.asString());
            assertThat(page.select(".account-links a[href=/account]")).as("logged-in header on " + path).isNotEmpty();
            assertThat(r.header("Cache-Control")).as(path + " logged in").isEqualTo("private, no-cache");
            if (path.startsWith("/products/")) {
                assertThat(page.select("form.add-to-cart input[name=csrf-token]").val())
                        .as("a logged-in shopper's add-to-cart form carries their token").isNotBlank();
            }
        }
    }

    @Test
    void anAnonymousProductPageHasNothingOfOneShopperAndItsFormsAreVisitorForms() {
        for (String path : List.of("/products/" + tote.slug(), "/products/" + tote.slug() + "?variant=" + tote.variantId(),
                "/")) {
            Response r = given().accept("text/html").get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.header("Cache-Control")).as(path).isEqualTo(SHARED);
            assertThat(r.headers().getValues("Set-Cookie")).as("no nonce minted for " + path).isEmpty();
            Document page = Jsoup.parse(r.asString());
            assertThat(page.select("input[name=csrf-token]")).as("no CSRF token on " + path).isEmpty();
            assertThat(r.asString()).as(path).doesNotContain("csrf-token");
            assertThat(page.select("form[method=post]").eachAttr("action"))
                    .as("a shared page's forms post without a token: only to CsrfFilter's visitor forms (" + path + ")")
                    .allMatch(CsrfFilter.VISITOR_FORMS::contains);
        }
        Document product = Jsoup.parse(given().accept("text/html").get("/products/" + tote.slug()).asString());
        assertThat(product.select("form[method=post]").eachAttr("action")).containsExactly("/cart/add", "/wishlist/add");
    }

    @Test
    void aPageWithAFormOrACookieIsTheBrowsersOwn() {
        Response login = given().accept("text/html").get("/login");
        assertThat(login.headers().getValues("Set-Cookie")).as("a page with a token gives the nonce").isNotEmpty();
        assertThat(login.header("Cache-Control")).doesNotContain("public");

        Response product = given().accept("text/html").cookie("mir_csrf", login.cookie("mir_csrf"))
                .get("/products/" + tote.slug());
        assertThat(Jsoup.parse(product.asString()).select("input[name=csrf-token]"))
                .as("a visitor with a nonce still gets no token on the product page").isEmpty();
        assertThat(product.header("Cache-Control")).isEqualTo(SHARED);
    }

    @Test
    void answersWithAPolicyOfTheirOwnKeepItAndOtherHtmlIsPrivate() {
        assertThat(given().accept("text/html").get("/cart").header("Cache-Control")).isEqualTo("no-store");
        assertThat(given().accept("text/html").get("/products/no-such-product").header("Cache-Control"))
                .as("a 404 page").isEqualTo("private, no-cache");
        assertThat(given().accept("text/html").get("/login").header("Cache-Control")).doesNotContain("public");
        assertThat(given().get("/css/shop.css").header("Cache-Control")).as("static files keep theirs")
                .contains("max-age=86400");
        assertThat(given().get("/api/ads/select").header("Cache-Control")).isEqualTo("no-store");
    }
}
