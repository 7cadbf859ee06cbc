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
import dev.mirshop.ads.service.AdService;
import dev.mirshop.ads.service.CampaignCopier;
import dev.mirshop.ads.service.CampaignEditor;
import dev.mirshop.ads.service.CampaignPreview;
import dev.mirshop.ads.service.CampaignSchedule;
import dev.mirshop.ads.service.CampaignStatistics;
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
 * The ad service's only way to change campaigns, ads and banners: the admin API the marketer console calls. Every
 * endpoint needs the service token (platform.security.ServiceTokenFilter). Statuses are computed at the service's
 * clock. After every change the next selection reads the campaigns again, so shoppers see it at once.
 */
@Path("/api/ads/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignAdminResource {

    @Inject
    CampaignStatistics statistics;
    @Inject
    CampaignEditor editor;
    @Inject
    CampaignSchedule schedule;
    @Inject
    CampaignCopier copier;
    @Inject
    CampaignPreview campaignPreview;
    @Inject
    AdService selection;

    @GET
    @Path("/campaigns")
    public List<CampaignSummary> list() {
        return statistics.all();
    }

    @GET
    @Path("/campaigns/{id: \\d{1,18}}")
    public CampaignSummary get(@PathParam("id") long id) {
        return statistics.of(id);
    }

    @POST
    @Path("/campaigns")
    public Response create(@Valid @NotNull CampaignEdit edit) {
        Campaign c = editor.create(edit);
        selection.refresh();
        return Response.created(URI.create("/api/ads/admin/campaigns/" + c.id)).entity(statistics.of(c.id)).build();
    }

    @PUT
    @Path("/campaigns/{id: \\d{1,18}}")
    public CampaignSummary update(@PathParam("id") long id, @Valid @NotNull CampaignEdit edit) {
        editor.update(id, edit);
        selection.refresh();
        return statistics.of(id);
    }

    @POST
    @Path("/campaigns/{id: \\d{1,18}}/{action: pause|resume|go-live|end|duplicate}")
    @Consumes(MediaType.WILDCARD)
    public Response act(@PathParam("id") long id, @PathParam("action") String action) {
        Campaign c = switch (action) {
            case "pause" -> schedule.pause(id);
            case "resume" -> schedule.resume(id);
            case "go-live" -> schedule.goLiveNow(id);
            case "end" -> schedule.endNow(id);
            default -> copier.copyForNextYear(id);
        };
        selection.refresh();
        CampaignSummary summary = statistics.of(c.id);
        return "duplicate".equals(action)
                ? Response.created(URI.create("/api/ads/admin/campaigns/" + c.id)).entity(summary).build()
                : Response.ok(summary).build();
    }

    @POST
    @Path("/campaigns/{id: \\d{1,18}}/ads")
    public Response addAd(@PathParam("id") long id, @Valid @NotNull AdUpload upload) {
        Ad ad = editor.addAd(id, upload);
        selection.refresh();
        return Response.created(URI.create("/api/ads/admin/ads/" + ad.id))
                .entity(Map.of("id", ad.id, "campaignId", id)).build();
    }

    @PUT
    @Path("/ads/{adId: \\d{1,18}}")
    public Map<String, Long> updateAd(@PathParam("adId") long adId, @Valid @NotNull AdEdit edit) {
        Ad ad = editor.updateAd(adId, edit);
        selection.refresh();
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
        List<AdView> ads = campaignPreview.ads(campaign, AdResource.parseContext(context), n);
        return Response.ok(ads).header("Cache-Control", "no-store").build();
    }
}
