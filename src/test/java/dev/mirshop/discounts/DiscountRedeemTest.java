package dev.mirshop.discounts;

import static dev.mirshop.discounts.DiscountApiTest.create;
import static dev.mirshop.discounts.DiscountApiTest.redeem;
import static dev.mirshop.discounts.DiscountApiTest.unique;
import static dev.mirshop.discounts.DiscountApiTest.validate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mirshop.testing.SendsServiceToken;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@ExtendWith(SendsServiceToken.class)
class DiscountRedeemTest {

    static String order() {
        return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static String customer() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    static int timesUsed(long id) {
        return given().get("/api/discounts/" + id).then().statusCode(200).extract().jsonPath().getInt("timesUsed");
    }

    @Test
    void retriedRedeemCountsOnce() {
        String code = unique("ONCE");
        long id = create(Map.of("name", "Once", "code", code, "kind", "percent", "value", "10"));
        String order = order();
        String who = customer();
        redeem(code, order, who, "50.00").body("redeemed", equalTo(true)).body("amount", equalTo(5.00f))
                .body("orderNumber", equalTo(order));
        redeem(code, order, who, "50.00").body("redeemed", equalTo(true)).body("amount", equalTo(5.00f));
        redeem(code.toLowerCase(), order, who, "50.00").body("redeemed", equalTo(true));
        assertThat(timesUsed(id)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneOrderCountOnce() throws Exception {
        String code = unique("RACE");
        long id = create(Map.of("name", "Race", "code", code, "kind", "fixed", "value", "2.00"));
        String order = order();
        String who = customer();
        List<Boolean> results = inParallel(12, i -> redeemed(code, order, who));
        assertThat(results).containsOnly(true);
        assertThat(timesUsed(id)).isEqualTo(1);
    }

    @Test
    void concurrentRedemptionsNeverExceedTheTotalLimit() throws Exception {
        String code = unique("LIM");
        long id = create(Map.of("name", "Limited", "code", code, "kind", "percent", "value", "5", "usageLimit", 3));
        List<Boolean> results = inParallel(12, i -> redeemed(code, order(), customer()));
        assertThat(results.stream().filter(r -> r).count()).isEqualTo(3);
        assertThat(timesUsed(id)).isEqualTo(3);
        validate(code, "10.00", null).body("valid", equalTo(false)).body("reason", equalTo("exhausted"));
        redeem(code, order(), customer(), "10.00").body("redeemed", equalTo(false))
                .body("reason", equalTo("exhausted"));
    }

    @Test
    void perCustomerLimitIsPerCustomerWhateverTheCase() {
        String code = unique("FIRST");
        create(Map.of("name", "First order", "code", code, "kind", "percent", "value", "10", "perCustomerLimit", 1));
        String who = customer();
        validate(code, "30.00", who).body("valid", equalTo(true));
        redeem(code, order(), who, "30.00").body("redeemed", equalTo(true));
        validate(code, "30.00", who.toUpperCase()).body("valid", equalTo(false))
                .body("reason", equalTo("already_used"));
        redeem(code, order(), who, "30.00").body("redeemed", equalTo(false)).body("reason", equalTo("already_used"));
        redeem(code, order(), customer(), "30.00").body("redeemed", equalTo(true));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("shop_discount_redemptions_total{"));
    }

    @Test
    void concurrentRedemptionsByOneCustomerRespectTheirLimit() throws Exception {
        String code = unique("SOLO");
        create(Map.of("name", "Solo", "code", code, "kind", "percent", "value", "10", "perCustomerLimit", 1));
        String who = customer();
        List<Boolean> results = inParallel(8, i -> redeemed(code, order(), who));
        assertThat(results.stream().filter(r -> r).count()).isEqualTo(1);
    }

    @Test
    void redeemChecksTheSameRulesAsValidate() {
        redeem("NO-SUCH", order(), customer(), "50.00").body("redeemed", equalTo(false))
                .body("reason", equalTo("unknown"));
        redeem("SUMMER25", order(), customer(), "50.00").body("reason", equalTo("expired"));
        redeem("SPRING99", order(), customer(), "50.00").body("reason", equalTo("not_started"));
        redeem("FREESHIP", order(), customer(), "10.00").body("reason", equalTo("minimum_not_met"));
        redeem("FREESHIP", order(), customer(), "25.00").body("redeemed", equalTo(true))
                .body("freeShipping", equalTo(true)).body("amount", equalTo(0f));
    }

    private static boolean redeemed(String code, String order, String who) {
        return given().contentType("application/json")
                .body(Map.of("code", code, "orderNumber", order, "customer", who, "orderTotal", "20.00"))
                .post("/api/discounts/redeem").then().statusCode(200).extract().jsonPath().getBoolean("redeemed");
    }

    interface Call<T> {
        T call(int i) throws Exception;
    }

    static <T> List<T> inParallel(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> call.call(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
