package dev.mirshop.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With a console token configured, writes to the services need it; reads and shopper calls do not. */
@QuarkusTest
@TestProfile(ConsoleTokenTest.WithToken.class)
class ConsoleTokenTest {

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("services.console-token", "test-console-token");
        }
    }

    @Test
    void writesNeedTheToken() {
        Map<String, Object> form = Map.of("name", "Token", "code", "TOK" + UUID.randomUUID().toString()
                .substring(0, 6).toUpperCase(), "kind", "percent", "value", "5");
        given().contentType("application/json").body(form).post("/api/discounts").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json").header("Authorization", "Bearer wrong").body(form)
                .post("/api/discounts").then().statusCode(401);
        given().contentType("application/json").header("Authorization", "Bearer test-console-token").body(form)
                .post("/api/discounts").then().statusCode(201);
        given().contentType("application/json").body(Map.of("name", "Nope " + UUID.randomUUID()))
                .post("/api/ads/campaigns").then().statusCode(401);
        given().contentType("application/json").post("/api/ads/campaigns/1/pause").then().statusCode(401);
        given().delete("/api/discounts/1").then().statusCode(401);
        // shopper-facing calls stay open
        given().contentType("application/json").body(Map.of("code", "FREESHIP", "orderTotal", "30"))
                .post("/api/discounts/validate").then().statusCode(200).body("valid", equalTo(true));
        given().get("/api/ads/select").then().statusCode(200);
    }
}
