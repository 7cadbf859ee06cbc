package dev.mirshop.observability;

import java.net.URI;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoints standing in for storefront → service calls: /hop calls /echo through a Quarkus REST
 * client, as the storefront calls the ad and discount services, and reports both sides' trace ids.
 */
@Path("/test-observability")
public class TracePropagationProbe {

    @GET
    @Path("/echo")
    @Produces(MediaType.TEXT_PLAIN)
    public String echo(@HeaderParam("traceparent") String traceparent) {
        return (traceparent == null ? "-" : traceparent) + " " + Span.current().getSpanContext().getTraceId();
    }

    @GET
    @Path("/hop")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> hop(@QueryParam("base") String base) {
        EchoClient client = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(base)).build(EchoClient.class);
        String[] downstream = client.echo().split(" ");
        return Map.of("caller", Span.current().getSpanContext().getTraceId(),
                "headerReceived", downstream[0], "callee", downstream[1]);
    }
}
