package dev.mirshop.platform.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The default (and every production overlay): SHOP_FAULTS_ENABLED is not true, so every fault and load generator API
 * answers 403 problem JSON even with the service token, nothing is switched, and the meters say 0.
 */
@QuarkusTest
class FaultsDisabledTest {

    @Test
    void everyFaultApiRefusesEvenWithTheToken() {
        for (String api : new String[] { "/api/faults", "/api/ads/faults", "/api/discounts/faults" }) {
            given().header("Authorization", FaultsTest.TOKEN).get(api).then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("SHOP_FAULTS_ENABLED"));
        }
        given().header("Authorization", FaultsTest.TOKEN).contentType(ContentType.JSON).body("{\"severity\":100}")
                .put("/api/ads/faults/ads-failing").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", FaultsTest.TOKEN).delete("/api/discounts/faults/discounts-down").then().statusCode(403);
        given().header("Authorization", FaultsTest.TOKEN).contentType(ContentType.JSON).body("{\"shoppers\":5}")
                .put("/api/loadgen").then().statusCode(403).contentType("application/problem+json");
        given().get("/api/ads/select?count=1").then().statusCode(200);
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("shop_fault_active{")))
                .hasSize(Fault.values().length).allMatch(l -> l.endsWith(" 0.0"));
    }
}
