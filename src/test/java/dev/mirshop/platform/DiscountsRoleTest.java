package dev.mirshop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.mirshop.testing.SendsServiceToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** One build, run as the discount service only: its API answers, every other service's paths are 404. */
@QuarkusTest
@TestProfile(DiscountsRoleTest.DiscountsRole.class)
class DiscountsRoleTest {

    public static class DiscountsRole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.role", "discounts");
        }
    }

    @Test
    void servesTheDiscountApiOnly() {
        given().get("/api/discounts").then().statusCode(200).body("code", hasItem("BLACKFRIDAY20"));
        given().get("/discount").then().statusCode(200);
        given().contentType("application/json").body(Map.of("code", "FREESHIP", "orderTotal", "30"))
                .post("/api/discounts/validate").then().statusCode(401);
        given().header("Authorization", "Bearer " + SendsServiceToken.TEST_TOKEN).contentType("application/json")
                .body(Map.of("code", "FREESHIP", "orderTotal", "30"))
                .post("/api/discounts/validate").then().statusCode(200).body("valid", equalTo(true));
        given().accept("text/html").get("/").then().statusCode(404);
        given().get("/cart").then().statusCode(404);
        given().get("/api/ads/select").then().statusCode(404);
        given().get("/ads").then().statusCode(404);
        given().get("/banners/everyday-mugs.svg").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void runsOnlyItsOwnMigrations() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.datasource.\"discounts\".active", Boolean.class)).isTrue();
        assertThat(config.getValue("quarkus.datasource.\"ads\".active", Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.flyway.migrate-at-start", Boolean.class)).isFalse();
    }
}
