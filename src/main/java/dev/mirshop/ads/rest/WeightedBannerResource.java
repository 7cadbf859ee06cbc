package dev.mirshop.ads.rest;

import java.util.regex.Pattern;

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

/**
 * The original workshop's weighted banner: the first ad lighter than the weight asked for. Where the workshop answers
 * 500 (no ad that light) this answers 404, and 400 for what is not a number (docs/services.md).
 */
@Path("/weighted-banners")
public class WeightedBannerResource {

    /** Flask's float converter takes 20.5; we take 20 as well. */
    private static final Pattern WEIGHT = Pattern.compile("\\d{1,12}(\\.\\d{1,12})?");

    @Inject
    AdService ads;

    @GET
    @Path("/{weight}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response weighted(@PathParam("weight") String weight) {
        if (!WEIGHT.matcher(weight).matches()) {
            return Problem.of(400, "Bad Request", "weight must be a number of 0 or more, such as 20.5").toResponse();
        }
        return ads.firstLighterThan(Double.parseDouble(weight))
                .map(ad -> Response.ok(WorkshopAd.of(ad)).build())
                .orElseGet(() -> Problem.of(404, "Not Found", "No banner weighs less than " + weight).toResponse());
    }
}
