package dev.mirshop.platform.loadgen;

import dev.mirshop.platform.errors.Problem;
import dev.mirshop.platform.faults.FaultRegistry;
import dev.mirshop.platform.security.ServiceToken;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * /api/loadgen: the load generator's shoppers and rate, read and changed with the service token (the operator page
 * calls it). Refused like the faults when SHOP_FAULTS_ENABLED is not true: traffic on demand is an ops lab tool.
 */
@Path("/api/loadgen")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoadgenApi {

    public record Change(Integer shoppers, Double rate) {
    }

    @Inject
    LoadGenerator generator;
    @Inject
    ServiceToken token;
    @Inject
    FaultRegistry faults;

    @GET
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Response refused = refused(authorization);
        return refused != null ? refused : Response.ok(generator.settings()).build();
    }

    @PUT
    public Response set(Change change, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Response refused = refused(authorization);
        if (refused != null) {
            return refused;
        }
        LoadGenerator.Settings now = generator.settings();
        int shoppers = change == null || change.shoppers() == null ? now.shoppers() : change.shoppers();
        double rate = change == null || change.rate() == null ? now.rate() : change.rate();
        try {
            return Response.ok(generator.set(shoppers, rate)).build();
        } catch (IllegalArgumentException e) {
            return Problem.of(400, "Bad Request", e.getMessage()).toResponse();
        }
    }

    private Response refused(String authorization) {
        if (!token.accepts(authorization)) {
            return Problem.of(401, "Unauthorized", "This endpoint needs Authorization: Bearer <service token>").toResponse();
        }
        if (!faults.enabled()) {
            return Problem.of(403, "Forbidden", "The load generator is controlled only where SHOP_FAULTS_ENABLED is true")
                    .toResponse();
        }
        if (!generator.available()) {
            return Problem.of(404, "Not Found", "This process does not play the loadgen role").toResponse();
        }
        return null;
    }
}
