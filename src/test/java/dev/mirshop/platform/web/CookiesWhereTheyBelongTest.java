package dev.mirshop.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The CSRF nonce cookie comes with the pages that carry a form with a token, and nothing else the shop answers sets a cookie: not
 * the JSON APIs, the workshop's endpoints, banners, robots.txt, the sitemap, static files, health, nor an error. A
 * shopper who already has a cart and a login session gets no cookie back on those either (nothing is refreshed).
 */
@QuarkusTest
class CookiesWhereTheyBelongTest {

    @Inject
    ShopFixtures fixtures;

    private ShopFixtures.Item tote;

    @BeforeEach
    void product() {
        tote = fixtures.product("Cookie Test Tote", "12.00", 50);
    }

    /**
     * Everything that is not a page with a token-carrying form, as a browser or a client would ask for it. The product
     * page's forms carry no token for a visitor (CsrfFilter.VISITOR_FORMS): it mints no nonce.
     */
    private List<String> noCookiePaths() {
        Map<?, ?> ad = given().get("/api/ads/select?count=1").then().statusCode(200).extract().jsonPath()
                .getList("$", Map.class).get(0);
        String banner = (String) given().get("/ads").then().statusCode(200).extract().jsonPath().getList("path").get(0);
        return List.of("/api/ads/select?count=2", "/api/ads/campaigns", "/ads", "/weighted-banners/1000.0",
                "/banners/" + banner, (String) ad.get("imageUrl"), "/discount", "/robots.txt", "/sitemap.xml",
                "/css/shop.css", "/images/logo.svg", "/q/health/ready", "/nope", "/api/nope",
                "/t/categories/clothing", "/products?keywords=tote", "/", "/products/" + tote.slug(),
                "/products/" + tote.slug() + "?variant=" + tote.variantId());
    }

    @Test
    void aNewBrowserGetsNoCookieButFromPagesWithAForm() {
        for (String path : noCookiePaths()) {
            for (String accept : List.of("text/html", "application/json", "*/*")) {
                Response r = given().redirects().follow(false).accept(accept).get(path);
                assertThat(r.statusCode()).as(path).isLessThan(500);
                assertThat(r.headers().getValues("Set-Cookie")).as("Set-Cookie of " + path + " (Accept " + accept + ")")
                        .isEmpty();
            }
        }
        for (String page : List.of("/login", "/signup")) {
            Response r = given().accept("text/html").get(page);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().getValues("Set-Cookie")).as("Set-Cookie of " + page + ", a page with a form")
                    .singleElement().asString().startsWith("mir_csrf=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
        }
    }

    @Test
    void aShopperWithACartAndASessionGetsNoCookieRefreshed() {
        Browser shopper = new Browser().addToCart(tote.variantId(), 1);
        String email = "cookies-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        shopper.get("/signup");
        assertThat(shopper.post("/signup", "name", "Cookie Person", "email", email, "password", "tall-violet-kettle-19",
                "password_confirmation", "tall-violet-kettle-19").statusCode()).isEqualTo(303);
        assertThat(shopper.logIn(email, "tall-violet-kettle-19").statusCode()).isEqualTo(303);
        assertThat(shopper.cookies).containsKeys("mir_session", "mir_cart", "mir_csrf");

        for (String path : noCookiePaths()) {
            Response r = shopper.request().get(path);
            assertThat(r.statusCode()).as(path).isLessThan(500);
            assertThat(r.headers().getValues("Set-Cookie")).as("Set-Cookie of " + path + " for a logged-in shopper")
                    .isEmpty();
        }
        for (String page : List.of("/products/" + tote.slug(), "/cart", "/account")) { // the token, no new nonce
            Response r = shopper.request().get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.headers().getValues("Set-Cookie")).as("a form page once the browser has its nonce: " + page)
                    .isEmpty();
        }
    }
}
