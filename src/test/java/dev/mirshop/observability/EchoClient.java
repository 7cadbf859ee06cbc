package dev.mirshop.observability;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only REST client for TracePropagationProbe's /echo (built programmatically, no config key). */
@Path("/test-observability")
public interface EchoClient {
    @GET
    @Path("/echo")
    @Produces(MediaType.TEXT_PLAIN)
    String echo();
}
