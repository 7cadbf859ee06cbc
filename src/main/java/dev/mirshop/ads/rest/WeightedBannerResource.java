package dev.mirshop.ads.rest;

import dev.mirshop.ads.rest.AdApi.WorkshopAd;
import dev.mirshop.ads.service.AdService;
import dev.mirshop.platform.errors.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The original workshop's weighted banner: the heaviest ad whose weight does not exceed the one asked for. */
@Path("/weighted-banners")
public class WeightedBannerResource {

    @Inject
    AdService ads;

    @GET
    @Path("/{weight}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response weighted(@PathParam("weight") String weight) {
        double w;
        try {
            w = Double.parseDouble(weight);
        } catch (NumberFormatException e) {
            return Problem.of(400, "Bad Request", "weight must be a number").toResponse();
        }
        if (!Double.isFinite(w) || w < 0) {
            return Problem.of(400, "Bad Request", "weight must be a number of 0 or more").toResponse();
        }
        return ads.heaviestUpTo(Math.min(w, Integer.MAX_VALUE))
                .map(ad -> Response.ok(WorkshopAd.of(ad)).build())
                .orElseGet(() -> Problem.of(404, "Not Found", "No banner weighs " + weight + " or less")
                        .toResponse());
    }
}
