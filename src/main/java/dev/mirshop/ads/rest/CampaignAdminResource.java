package dev.mirshop.ads.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.mirshop.ads.Ad;
import dev.mirshop.ads.Campaign;
import dev.mirshop.ads.rest.AdApi.AdView;
import dev.mirshop.ads.rest.CampaignAdminApi.AdEdit;
import dev.mirshop.ads.rest.CampaignAdminApi.AdUpload;
import dev.mirshop.ads.rest.CampaignAdminApi.CampaignEdit;
import dev.mirshop.ads.rest.CampaignAdminApi.CampaignSummary;
import dev.mirshop.ads.service.CampaignAdminService;
import dev.mirshop.platform.errors.Problem;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The ad service's admin API for the marketer console. Every endpoint needs the service token
 * (platform.security.ServiceTokenFilter). Statuses are computed at the service's clock.
 */
@Path("/api/ads/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignAdminResource {

    @Inject
    CampaignAdminService admin;

    @GET
    @Path("/campaigns")
    public List<CampaignSummary> list() {
        return admin.list();
    }

    @GET
    @Path("/campaigns/{id: \\d{1,18}}")
    public CampaignSummary get(@PathParam("id") long id) {
        return admin.get(id);
    }

    @POST
    @Path("/campaigns")
    public Response create(@Valid @NotNull CampaignEdit edit) {
        Campaign c = admin.create(edit);
        return Response.created(URI.create("/api/ads/admin/campaigns/" + c.id)).entity(admin.get(c.id)).build();
    }

    @PUT
    @Path("/campaigns/{id: \\d{1,18}}")
    public CampaignSummary update(@PathParam("id") long id, @Valid @NotNull CampaignEdit edit) {
        admin.update(id, edit);
        return admin.get(id);
    }

    @POST
    @Path("/campaigns/{id: \\d{1,18}}/{action: pause|resume|go-live|end|duplicate}")
    @Consumes(MediaType.WILDCARD)
    public Response act(@PathParam("id") long id, @PathParam("action") String action) {
        Campaign c = switch (action) {
            case "pause" -> admin.setPaused(id, true);
            case "resume" -> admin.setPaused(id, false);
            case "go-live" -> admin.goLiveNow(id);
            case "end" -> admin.endNow(id);
            default -> admin.duplicate(id);
        };
        CampaignSummary summary = admin.get(c.id);
        return "duplicate".equals(action)
                ? Response.created(URI.create("/api/ads/admin/campaigns/" + c.id)).entity(summary).build()
                : Response.ok(summary).build();
    }

    @POST
    @Path("/campaigns/{id: \\d{1,18}}/ads")
    public Response addAd(@PathParam("id") long id, @Valid @NotNull AdUpload upload) {
        Ad ad = admin.addAd(id, upload);
        return Response.created(URI.create("/api/ads/admin/ads/" + ad.id))
                .entity(Map.of("id", ad.id, "campaignId", id)).build();
    }

    @PUT
    @Path("/ads/{adId: \\d{1,18}}")
    public Map<String, Long> updateAd(@PathParam("adId") long adId, @Valid @NotNull AdEdit edit) {
        Ad ad = admin.updateAd(adId, edit);
        return Map.of("id", ad.id, "campaignId", ad.campaign.id);
    }

    /** Ads of one campaign as a page would show them, whatever its window: for the console's preview. */
    @GET
    @Path("/preview")
    public Response preview(@QueryParam("campaign") Long campaign, @QueryParam("context") String context,
            @QueryParam("count") Integer count) {
        int n = count == null ? 1 : count;
        if (campaign == null || n < 1 || n > AdResource.MAX_COUNT) {
            return Problem.of(400, "Bad Request", "campaign is required and count must be 1 to " + AdResource.MAX_COUNT)
                    .toResponse();
        }
        List<AdView> ads = admin.preview(campaign, AdResource.parseContext(context), n);
        return Response.ok(ads).header("Cache-Control", "no-store").build();
    }
}
