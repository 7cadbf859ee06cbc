package dev.mirshop.observability.vitals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mirshop.platform.errors.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Beacon endpoint for the web-vitals script: {@code POST /rum/vitals} with
 * {@code {"page":"product","metrics":[{"name":"LCP","value":1830.5},...]}} (milliseconds; CLS unitless),
 * sent by navigator.sendBeacon. A batch is recorded whole or not at all: anything implausible gets a 4xx
 * and touches no metric.
 */
@Path("/rum/vitals")
public class WebVitalsResource {

    static final int MAX_BODY_BYTES = 4096;
    static final int MAX_METRICS = 10;

    @Inject
    WebVitalsRecorder recorder;
    @Inject
    ObjectMapper json;

    @POST
    public Response report(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return Problem.of(413, "Payload Too Large", "A vitals beacon is at most " + MAX_BODY_BYTES + " bytes").toResponse();
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            return rejected("The body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return rejected("The body must be a JSON object");
        }
        JsonNode page = root.get("page");
        if (page == null || !page.isTextual() || !PageTemplates.isKnown(page.asText())) {
            return rejected("Unknown page template");
        }
        JsonNode metrics = root.get("metrics");
        if (metrics == null || !metrics.isArray() || metrics.isEmpty() || metrics.size() > MAX_METRICS) {
            return rejected("metrics must be a list of 1 to " + MAX_METRICS + " measurements");
        }
        List<WebVitalsRecorder.Measurement> measurements = new ArrayList<>();
        for (JsonNode metric : metrics) {
            Optional<WebVitalsRecorder.Measurement> m = measurement(metric);
            if (m.isEmpty()) {
                return rejected("Each measurement needs a known name (LCP, INP, CLS, FCP, TTFB) and a plausible value");
            }
            measurements.add(m.get());
        }
        recorder.record(page.asText(), measurements);
        return Response.noContent().build();
    }

    private static Optional<WebVitalsRecorder.Measurement> measurement(JsonNode metric) {
        if (metric == null || !metric.isObject()) {
            return Optional.empty();
        }
        JsonNode name = metric.get("name");
        JsonNode value = metric.get("value");
        if (name == null || !name.isTextual() || value == null || !value.isNumber()) {
            return Optional.empty();
        }
        return WebVital.named(name.asText())
                .filter(vital -> vital.plausible(value.asDouble()))
                .map(vital -> new WebVitalsRecorder.Measurement(vital, value.asDouble()));
    }

    private static Response rejected(String detail) {
        return Problem.of(400, "Bad Request", detail).toResponse();
    }
}
