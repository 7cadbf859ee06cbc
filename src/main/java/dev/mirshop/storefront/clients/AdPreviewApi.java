package dev.mirshop.storefront.clients;

import java.util.List;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.mirshop.platform.security.ServiceTokenClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The ad service's preview (its admin API, with the service token): the ads a campaign would show on a page, whatever
 * its window, counting no impression. Wrapped by {@link AdClient#preview}, which owns the resilience.
 */
@RegisterRestClient(configKey = "ads-preview")
@RegisterProvider(LoopbackPortFilter.class)
@RegisterProvider(ServiceTokenClientFilter.class)
@Path("/api/ads/admin")
@Produces(MediaType.APPLICATION_JSON)
interface AdPreviewApi {

    @GET
    @Path("/preview")
    Uni<List<AdView>> preview(@QueryParam("campaign") long campaign, @QueryParam("context") String context,
            @QueryParam("count") int count);

    /** No such campaign is an answer (nothing to preview), not a failure that counts against the breaker. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return AdsApi.toException(response);
    }
}
