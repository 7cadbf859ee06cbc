package dev.mirshop.storefront.order;

import static dev.mirshop.storefront.cart.Browser.html;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The last units of a variant, fought over by 20 shoppers at once through the real HTTP endpoints: exactly as many
 * orders as there were units, stock ends at zero and never below, and every loser keeps a cart and hears "only N left".
 */
@QuarkusTest
class ConcurrentCheckoutTest {
    private static final int SHOPPERS = 20;
    private static final int STOCK = 5;

    @Inject
    ShopFixtures fixtures;

    @Test
    void twentyConcurrentCheckoutsOfFiveUnitsMakeExactlyFiveOrders() throws Exception {
        ShopFixtures.Item lastUnits = fixtures.product("Limited Print", "25.00", STOCK);
        List<Browser> shoppers = new ArrayList<>();
        for (int i = 0; i < SHOPPERS; i++) {
            Browser browser = new Browser().addToCart(lastUnits.variantId(), 1).fillAddress().chooseDelivery("standard");
            if (i % 2 == 0) {
                browser.payByCard("4111 1111 1111 1111");
            } else {
                browser.payOnDelivery();
            }
            shoppers.add(browser);
        }

        ExecutorService pool = Executors.newFixedThreadPool(SHOPPERS);
        CountDownLatch ready = new CountDownLatch(SHOPPERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (Browser browser : shoppers) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return browser.post("/checkout/confirm");
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();

            int won = 0;
            int lost = 0;
            for (int i = 0; i < SHOPPERS; i++) {
                Response r = answers.get(i).get(60, TimeUnit.SECONDS);
                Browser browser = shoppers.get(i);
                if (r.statusCode() == 303) {
                    won++;
                    assertThat(r.header("Location")).startsWith("/orders/R");
                    assertThat(fixtures.quantityInCart(browser.cartToken(), lastUnits.variantId())).isZero();
                } else {
                    lost++;
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
                    assertThat(html(r).select("[data-stock-problem]").text())
                            .startsWith("Only 0 left of " + lastUnits.name());
                    assertThat(fixtures.quantityInCart(browser.cartToken(), lastUnits.variantId()))
                            .as("the loser keeps the cart").isEqualTo(1);
                }
            }
            assertThat(won).isEqualTo(STOCK);
            assertThat(lost).isEqualTo(SHOPPERS - STOCK);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.ordersWithSku(lastUnits.sku())).isEqualTo(STOCK);
        assertThat(fixtures.stock(lastUnits.variantId())).isZero();
    }
}
