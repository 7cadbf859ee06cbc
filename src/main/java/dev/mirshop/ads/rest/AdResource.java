package dev.mirshop.ads.rest;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import dev.mirshop.ads.Campaign;
import dev.mirshop.ads.rest.AdApi.CampaignView;
import dev.mirshop.ads.service.AdService;
import dev.mirshop.platform.errors.Problem;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The ad service's read API: which ads a page shows, and every campaign (with the service token). Campaigns change
 * only through the admin API ({@link CampaignAdminResource}).
 */
@Path("/api/ads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdResource {

    private static final Logger LOG = Logger.getLogger(AdResource.class);
    private static final Pattern PERMALINK = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");
    static final int MAX_COUNT = 10;
    /** What one storefront asks at most in one call (storefront.clients.AdDraws). */
    static final int MAX_DRAWS = 100;

    @Inject
    AdService ads;

    /**
     * Ads for a page whose taxons are {@code context} (comma-separated permalinks): {@code count} different ads for one
     * view, or, with {@code draws}, that many independent one-ad selections for as many views (each one an
     * impression). Always an answer: an empty list when nothing is live or the database is unavailable; malformed
     * permalinks are ignored.
     */
    @GET
    @Path("/select")
    public Uni<Response> select(@QueryParam("context") String context, @QueryParam("count") String count,
            @QueryParam("draws") String draws) {
        int n = wholeNumber(count);
        int d = wholeNumber(draws);
        if (n < 1 || n > MAX_COUNT) {
            return badRequest("count", "count must be a whole number from 1 to " + MAX_COUNT, "must be between 1 and " + MAX_COUNT);
        }
        if (d < 1 || d > MAX_DRAWS) {
            return badRequest("draws", "draws must be a whole number from 1 to " + MAX_DRAWS, "must be between 1 and " + MAX_DRAWS);
        }
        if (n > 1 && d > 1) {
            return badRequest("draws", "draws are one ad each: ask for several draws or several ads, not both",
                    "must be 1 when count is more than 1");
        }
        // on the I/O thread: a page view asks this on every page, and a fresh selection needs no database
        Uni<List<AdApi.AdView>> chosen = d > 1 ? ads.draws(parseContext(context), d) : ads.select(parseContext(context), n);
        return chosen
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf(e, "Ad selection failed; answering with no ads");
                    return List.of();
                })
                .map(answer -> Response.ok(answer).header("Cache-Control", "no-store").build());
    }

    /**
     * The taxon permalinks some ad targets (storefront.clients.AdTargets): a page's ad context needs only those its
     * taxons fall under. Public, as the ads themselves are; a 503 problem while the campaigns cannot be read (the
     * storefront keeps the list it has).
     */
    @GET
    @Path("/targets")
    public Uni<Response> targets() {
        return ads.targets()
                .map(taxons -> Response.ok(new AdApi.Targets(taxons)).header("Cache-Control", "no-store").build())
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf(e, "Ad targets unavailable");
                    return Problem.of(503, "Service Unavailable", "The ad targets cannot be read now").toResponse();
                });
    }

    /** A missing parameter is 1; anything but a whole number is out of every range. */
    private static int wholeNumber(String value) {
        try {
            return value == null || value.isBlank() ? 1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Uni<Response> badRequest(String field, String detail, String error) {
        return Uni.createFrom().item(Problem.of(400, "Bad Request", detail)
                .withErrors(List.of(new Problem.FieldError(field, error))).toResponse());
    }

    static Set<String> parseContext(String context) {
        if (context == null || context.isBlank() || context.length() > 2000) {
            return Set.of();
        }
        Set<String> permalinks = new LinkedHashSet<>();
        Arrays.stream(context.split(",")).map(String::trim).filter(p -> PERMALINK.matcher(p).matches())
                .limit(20).forEach(permalinks::add);
        return permalinks;
    }

    /** Every campaign, future and paused ones too: needs the service token (platform.security.ServiceTokenFilter). */
    @GET
    @Path("/campaigns")
    public List<CampaignView> campaigns() {
        return Campaign.<Campaign>listAll(Sort.by("id")).stream().map(AdResource::view).toList();
    }

    static CampaignView view(Campaign c) {
        return new CampaignView(c.id, c.name, c.theme, c.startsAt, c.endsAt, c.yearly, c.priority, c.paused);
    }
}
