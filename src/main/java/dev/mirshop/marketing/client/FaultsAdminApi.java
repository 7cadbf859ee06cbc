package dev.mirshop.marketing.client;

import dev.mirshop.platform.faults.FaultApi;
import dev.mirshop.platform.faults.FaultApi.FaultView;
import dev.mirshop.platform.faults.FaultApi.Overview;
import dev.mirshop.platform.faults.FaultApi.Switch;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One service's fault API (/api/faults, /api/ads/faults, /api/discounts/faults), as the operator page calls it. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface FaultsAdminApi {

    @GET
    Overview list();

    @PUT
    @Path("/{id}")
    FaultView on(@PathParam("id") String id, Switch body, @HeaderParam(FaultApi.ACTOR_HEADER) String actor);

    @DELETE
    @Path("/{id}")
    FaultView off(@PathParam("id") String id, @HeaderParam(FaultApi.ACTOR_HEADER) String actor);
}
