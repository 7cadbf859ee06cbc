package dev.mirshop.ads.rest;

import java.util.List;

import dev.mirshop.ads.rest.AdApi.WorkshopAd;
import dev.mirshop.ads.service.AdService;
import io.quarkus.cache.CacheResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/ads")
public class AdClickResource {

    @Inject
    AdService ads;

    /**
     * The original workshop's list of every ad, kept a moment ({@code quarkus.cache.caffeine."workshop-ads"}) like the
     * selection's snapshot: a console change drops it at once ({@link AdService#refresh()}).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @CacheResult(cacheName = AdService.WORKSHOP_ADS)
    public List<WorkshopAd> list() {
        return ads.all().stream().map(WorkshopAd::of).toList();
    }

    /**
     * Counts the click and sends the shopper to the ad's page, only ever a path on this shop: a relative Location
     * (RFC 9110), never made absolute from the request's Host or X-Forwarded-* headers.
     */
    @GET
    @Path("/{id: \\d{1,18}}/click")
    public Response click(@PathParam("id") long id) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.FOUND).header("Location", ads.click(id)).cacheControl(noStore)
                .build();
    }
}
