package dev.mirshop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.mirshop.testing.SendsServiceToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** One build, run as the load generator only (SHOP_ROLE=loadgen): no migrations, no shop pages, its API and metrics. */
@QuarkusTest
@TestProfile(LoadgenRoleTest.LoadgenRole.class)
class LoadgenRoleTest {

    public static class LoadgenRole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.role", "loadgen", "shop.loadgen.shoppers", "0", "shop.faults.enabled", "true",
                    "shop.loadgen.target", "http://127.0.0.1:9/");
        }
    }

    @Test
    void servesItsApiAndNothingOfTheShop() {
        String token = "Bearer " + SendsServiceToken.TEST_TOKEN;
        given().header("Authorization", token).get("/api/loadgen").then().statusCode(200)
                .body("shoppers", equalTo(0)).body("target", equalTo("http://127.0.0.1:9/"));
        given().get("/api/loadgen").then().statusCode(401);
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"shoppers\":2,\"rate\":1}")
                .put("/api/loadgen").then().statusCode(200).body("shoppers", equalTo(2));
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"shoppers\":999}")
                .put("/api/loadgen").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"shoppers\":0}")
                .put("/api/loadgen").then().statusCode(200).body("shoppers", equalTo(0));
        given().accept("text/html").get("/").then().statusCode(404);
        given().get("/api/ads/select").then().statusCode(404);
        given().header("Authorization", token).get("/api/faults").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(given().get("/q/metrics").asString()).contains("shop_loadgen_shoppers{");
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.flyway.migrate-at-start", Boolean.class)).as("no storefront tables").isFalse();
        assertThat(config.getValue("quarkus.datasource.\"ads\".active", Boolean.class)).isFalse();
    }
}
