package dev.mirshop.marketing.client;

import dev.mirshop.platform.loadgen.LoadGenerator.Settings;
import dev.mirshop.platform.loadgen.LoadgenApi.Change;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The load generator's /api/loadgen, as the operator page calls it. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface LoadgenAdminApi {

    @GET
    Settings get();

    @PUT
    Settings set(Change change);
}
