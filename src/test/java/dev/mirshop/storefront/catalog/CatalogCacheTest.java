package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Catalog pages are built once and shared for a few seconds, but never show stock an order here has taken, and
 * never share what belongs to one shopper (a logged-in shopper's CSRF token: SharedPagesHeaderTest; cart count).
 */
@QuarkusTest
class CatalogCacheTest {

    @Inject
    ShopFixtures fixtures;
    @Inject
    EntityManager em;

    static Document page(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void aPageIsServedFromTheCacheUntilAnOrderTakesItsStock() {
        ShopFixtures.Item scarf = fixtures.product("Wool Scarf", "35.00", 2);
        String path = "/products/" + scarf.slug();
        assertThat(page(path).select("[data-stock]").text()).isEqualTo("Only 2 left");

        // a change behind the shop's back (no order) is not seen while the page is cached...
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update variants set stock_on_hand = 1 where id = ?1")
                .setParameter(1, scarf.variantId()).executeUpdate());
        assertThat(page(path).select("[data-stock]").text()).as("served from the page cache").isEqualTo("Only 2 left");

        // ...but an order placed here drops the cached pages: the next view shows what is left
        Browser shopper = new Browser().addToCart(scarf.variantId(), 1).fillAddress().chooseDelivery("standard")
                .payByCard("4111 1111 1111 1111");
        assertThat(shopper.post("/checkout/confirm").statusCode()).isEqualTo(303);
        assertThat(fixtures.stock(scarf.variantId())).isZero();
        Document after = page(path);
        assertThat(after.select("[data-stock]").text()).isEqualTo("Out of stock");
        assertThat(after.select("form.add-to-cart button").hasAttr("disabled")).isTrue();
    }

    @Test
    void aCachedPageCarriesNoVisitorsTokenAndEachShoppersOwnCartCount() {
        ShopFixtures.Item mug = fixtures.product("Enamel Mug", "14.00", 20);
        String path = "/products/" + mug.slug();
        assertThat(page(path).select("form.add-to-cart input[name=csrf-token]")).as("a visitor has no token").isEmpty();
        assertThat(page(path).select("form.add-to-cart input[name=variant_id]").val())
                .isEqualTo(String.valueOf(mug.variantId()));

        Browser shopper = new Browser().addToCart(mug.variantId(), 3);
        Document withCart = Jsoup.parse(shopper.get(path).asString());
        assertThat(withCart.select("[data-cart-count]").text()).isEqualTo("3");
        assertThat(page(path).select("[data-cart-count]").text()).as("a shopper without a cart").isIn("", "0");
    }
}
