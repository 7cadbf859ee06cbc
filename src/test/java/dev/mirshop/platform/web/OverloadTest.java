package dev.mirshop.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Under overload the shop answers at once with 503 and Retry-After, never with a 500 and never after waiting for the
 * connection pool to time out: pages beyond the admitted number are shed before they touch anything, and a page
 * that still finds no free connection gives up quickly. A shop that admits two pages at once and has five
 * connections shows both.
 */
@QuarkusTest
@TestProfile(OverloadTest.SmallShop.class)
class OverloadTest {

    public static class SmallShop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.load-shedding.max-in-flight", "2", "quarkus.datasource.jdbc.max-size", "5",
                    "quarkus.datasource.jdbc.acquisition-timeout", "0.3S");
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    ShopFixtures fixtures;
    @Inject
    LoadShedding shedding;

    private static Browser readyToConfirm(long variantId) {
        Browser browser = new Browser();
        // forms need a CSRF token from a page; with a 0.3 s acquisition timeout a busy machine can answer a freshly
        // started shop's first page 503 while the pool opens connections, so wait for a page that carries one
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> browser.get("/login").statusCode() == 200);
        return browser.addToCart(variantId, 1).fillAddress().chooseDelivery("standard").payOnDelivery();
    }

    @Test
    void pagesBeyondWhatTheShopTakesAreAnsweredAtOnceWith503AndRetryAfter() throws Exception {
        ShopFixtures.Item item = fixtures.product("Busy Mug", "12.00", 10);
        Browser first = readyToConfirm(item.variantId());
        Browser second = readyToConfirm(item.variantId());
        CompletableFuture<Integer> a;
        CompletableFuture<Integer> b;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement hold = lock.prepareStatement("select 1 from variants where id = ? for update")) {
                hold.setLong(1, item.variantId());
                hold.executeQuery().close();
            }
            // two checkouts wait for the locked stock row: the shop has as many pages in flight as it admits
            a = CompletableFuture.supplyAsync(() -> first.post("/checkout/confirm").statusCode());
            b = CompletableFuture.supplyAsync(() -> second.post("/checkout/confirm").statusCode());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> shedding.inFlight() == 2);

            long started = System.nanoTime();
            Response shed = given().get("/products?keywords=mug");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.header("Retry-After")).isEqualTo("1");
            assertThat(shed.asString()).contains("We are busy right now").doesNotContain("Exception");
            assertThat(millis).as("answered at once").isLessThan(1_000);
            // health, metrics and static files are never shed
            given().get("/q/health/live").then().statusCode(200);
            given().get("/css/shop.css").then().statusCode(200);
            lock.rollback();
        }
        assertThat(a.get()).isEqualTo(303);
        assertThat(b.get()).isEqualTo(303);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shedding.inFlight() == 0);
        given().get("/products?keywords=mug").then().statusCode(200);
        assertThat(given().get("/q/metrics").asString()).containsPattern("shop_requests_shed_total\\{[^}]*\\} [1-9]");
    }

    @Test
    void aPageThatFindsNoFreeConnectionAnswers503QuicklyNotA500() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            // the shop's background work (outbox, impressions) may hold one for a moment: take each as it comes free
            Awaitility.await("all five connections held").atMost(Duration.ofSeconds(10)).until(() -> {
                try {
                    held.add(dataSource.getConnection());
                } catch (SQLException busy) {
                    // taken by the shop itself just now: try again
                }
                return held.size() == 5;
            });
            long started = System.nanoTime();
            Response busy = given().accept("text/html").get("/products?keywords=nobody-asked-this-" + System.nanoTime());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("1");
            assertThat(busy.asString()).contains("Please try again in a moment").doesNotContain("acquisition");
            assertThat(millis).as("the pool gave up quickly").isLessThan(3_000);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        given().get("/products?keywords=mug").then().statusCode(200);
    }
}
