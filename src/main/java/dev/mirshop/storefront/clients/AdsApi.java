package dev.mirshop.storefront.clients;

import java.util.List;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The ad service as the storefront sees it. Wrapped by {@link AdClient}, which owns the resilience. */
@RegisterRestClient(configKey = "ads")
@RegisterProvider(LoopbackPortFilter.class)
@Path("/api/ads")
@Produces(MediaType.APPLICATION_JSON)
interface AdsApi {

    @GET
    @Path("/select")
    Uni<List<AdView>> select(@QueryParam("context") String context, @QueryParam("count") int count);

    /** That many independent one-ad selections for this context, each counted as an impression (storefront.clients.AdDraws). */
    @GET
    @Path("/select")
    Uni<List<AdView>> draws(@QueryParam("context") String context, @QueryParam("count") int count,
            @QueryParam("draws") int draws);

    /** The taxon permalinks some ad targets ({@link AdTargets}). */
    @GET
    @Path("/targets")
    Uni<TargetList> targets();

    record TargetList(List<String> taxons) {
    }

    /** A 404 is an answer (no ads here), not a failure: only 5xx and transport errors count against the breaker. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() == 404) {
            return new NoAnswer();
        }
        return new WebApplicationException("Ad service answered " + response.getStatus(), response.getStatus());
    }

    /** The service had nothing for us: an answer, never a failure. */
    class NoAnswer extends RuntimeException {
        NoAnswer() {
            super("not found", null, false, false);
        }
    }
}
