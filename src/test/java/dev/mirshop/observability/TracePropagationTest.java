package dev.mirshop.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A call through a Quarkus REST client (as storefront → discounts/ads) carries the caller's trace: the callee's
 * server span continues the same trace id, even with export off. The client call is measured per endpoint.
 */
@QuarkusTest
class TracePropagationTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theCalleeContinuesTheCallersTrace() {
        Map<String, String> ids = given().queryParam("base", base.toString()).get("/test-observability/hop")
                .then().statusCode(200).extract().jsonPath().getMap("", String.class, String.class);
        assertThat(ids.get("caller")).matches("[0-9a-f]{32}").isNotEqualTo("00000000000000000000000000000000");
        assertThat(ids.get("headerReceived")).startsWith("00-" + ids.get("caller") + "-");
        assertThat(ids.get("callee")).isEqualTo(ids.get("caller"));
    }

    @Test
    void restClientCallsAreMeasuredByEndpointTemplate() {
        given().queryParam("base", base.toString()).get("/test-observability/hop").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().extract().asString();
        String line = metrics.lines().filter(l -> l.startsWith("http_client_requests_seconds_count{")
                && l.contains("uri=\"/test-observability/echo\"")).findFirst().orElseThrow();
        System.out.println("[metrics] " + line);
        assertThat(line).contains("outcome=\"SUCCESS\"").contains("service=\"all\"").contains("clientName=");
        assertThat(metrics).contains("http_client_requests_seconds_bucket{");
    }
}
