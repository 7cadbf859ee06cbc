package dev.mirshop.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With traces sampled (as in Kubernetes), the latency histograms carry the OpenTelemetry trace id of a request as
 * an exemplar in the OpenMetrics format Prometheus scrapes: the dashboards' latency panels link to that trace.
 */
@QuarkusTest
@TestProfile(ExemplarsTest.SampledTraces.class)
class ExemplarsTest {

    public static class SampledTraces implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Sample everything, export nothing: the ids exist, no collector is needed.
            return Map.of("quarkus.otel.traces.sampler", "always_on", "quarkus.otel.traces.exporter", "none");
        }
    }

    @Test
    void theRequestHistogramCarriesTheTraceIdOfASampledRequest() {
        for (int i = 0; i < 3; i++) {
            given().get("/").then().statusCode(200);
        }
        String metrics = given().header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
                .get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> withExemplar = metrics.lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_bucket{") && l.contains("uri=\"root\"") && l.contains(" # {"))
                .toList();
        assertThat(withExemplar).as("root request buckets with an exemplar").isNotEmpty();
        assertThat(withExemplar.get(0)).containsPattern("trace_id=\"[0-9a-f]{32}\"").containsPattern("span_id=\"[0-9a-f]{16}\"");
        String plain = given().get("/q/metrics").then().extract().asString();
        assertThat(plain).as("the text format without exemplars still works").contains("http_server_requests_seconds_bucket{");
    }
}
