package dev.mirshop.storefront.order;

import static dev.mirshop.storefront.cart.Browser.html;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.CartCookie;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Who may open /orders/{number}: the owning account, or whoever has the private link. Everyone else gets a 404. */
@QuarkusTest
class OrderPageTest {

    @Inject
    ShopFixtures fixtures;

    @BeforeEach
    void accounts() {
        fixtures.ensureAccounts();
    }

    @Test
    void theRightTokenOpensTheOrder() {
        ShopFixtures.PlacedOrderRow order = fixtures.order(null);
        Response r = new Browser().get("/orders/" + order.number() + "?token=" + order.token());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(html(r).select("[data-order-number]").text()).isEqualTo(order.number());
        assertThat(html(r).select(".order-lines").text()).contains("Enamel Pin");
    }

    @Test
    void aWrongOrMissingTokenOrAnUnknownNumberIsTheSame404() {
        ShopFixtures.PlacedOrderRow order = fixtures.order(null);
        String[] paths = {
                "/orders/" + order.number(),
                "/orders/" + order.number() + "?token=",
                "/orders/" + order.number() + "?token=" + CartCookie.newToken(),
                "/orders/" + order.number() + "?token=" + order.token().substring(0, 42),
                "/orders/" + order.number() + "?token=" + order.token() + "x",
                "/orders/" + order.number() + "?token=" + "a".repeat(1000),
                "/orders/R000000001?token=" + order.token(),
                "/orders/not-an-order?token=" + order.token(),
                "/orders/" + order.number().toLowerCase() + "?token=" + order.token() };
        String firstBody = null;
        for (String path : paths) {
            Response r = new Browser().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(html(r).select("main").text()).as(path).contains("We could not find the page");
            // the header's log-in link carries the typed path back; the page itself must reveal nothing of the order
            assertThat(html(r).select("main").text()).doesNotContain(order.number().substring(1)).doesNotContain("Enamel Pin");
            String main = html(r).select("main").text();
            if (firstBody == null) {
                firstBody = main;
            }
            assertThat(main).as("same answer whether the order exists or not").isEqualTo(firstBody);
        }
    }

    @Test
    @TestSecurity(user = ShopFixtures.OWNER_EMAIL, roles = "shopper", attributes = @SecurityAttribute(key = "account_id",
            value = "990001", type = AttributeType.LONG))
    void theOwningAccountNeedsNoToken() {
        ShopFixtures.PlacedOrderRow mine = fixtures.order(ShopFixtures.OWNER_ACCOUNT_ID);
        assertThat(new Browser().get("/orders/" + mine.number()).statusCode()).isEqualTo(200);
        ShopFixtures.PlacedOrderRow someoneElses = fixtures.order(ShopFixtures.OTHER_ACCOUNT_ID);
        assertThat(new Browser().get("/orders/" + someoneElses.number()).statusCode()).isEqualTo(404);
        ShopFixtures.PlacedOrderRow guests = fixtures.order(null);
        assertThat(new Browser().get("/orders/" + guests.number()).statusCode()).isEqualTo(404);
    }

    @Test
    @TestSecurity(user = ShopFixtures.OTHER_EMAIL, roles = "shopper", attributes = @SecurityAttribute(key = "account_id",
            value = "990002", type = AttributeType.LONG))
    void anotherAccountNeedsTheLinkLikeEveryoneElse() {
        ShopFixtures.PlacedOrderRow owners = fixtures.order(ShopFixtures.OWNER_ACCOUNT_ID);
        assertThat(new Browser().get("/orders/" + owners.number()).statusCode()).isEqualTo(404);
        assertThat(new Browser().get("/orders/" + owners.number() + "?token=" + owners.token()).statusCode()).isEqualTo(200);
    }
}
