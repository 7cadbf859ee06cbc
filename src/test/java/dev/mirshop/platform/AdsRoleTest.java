package dev.mirshop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** One build, run as the ad service only. */
@QuarkusTest
@TestProfile(AdsRoleTest.AdsRole.class)
class AdsRoleTest {

    public static class AdsRole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.role", "ads");
        }
    }

    @Test
    void servesTheAdApiOnly() {
        given().get("/api/ads/select?context=categories/mugs").then().statusCode(200);
        given().get("/ads").then().statusCode(200);
        given().get("/banners/everyday-mugs.svg").then().statusCode(200);
        given().accept("text/html").get("/").then().statusCode(404);
        given().get("/api/discounts").then().statusCode(404);
        given().get("/discount").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.datasource.\"discounts\".active", Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.datasource.\"ads\".active", Boolean.class)).isTrue();
    }
}
