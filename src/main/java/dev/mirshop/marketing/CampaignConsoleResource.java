package dev.mirshop.marketing;

import dev.mirshop.platform.forms.FieldErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.mirshop.marketing.client.CampaignsClient;
import dev.mirshop.marketing.client.ConsoleApi.AdDetail;
import dev.mirshop.marketing.client.ConsoleApi.AdEdit;
import dev.mirshop.marketing.client.ConsoleApi.AdUpload;
import dev.mirshop.marketing.client.ConsoleApi.AdView;
import dev.mirshop.marketing.client.ConsoleApi.Campaign;
import dev.mirshop.marketing.client.ConsoleApi.CampaignEdit;
import dev.mirshop.marketing.client.ServiceRejected;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** /admin/campaigns: the marketer's view of the ad service. Marketers only (AdminGuard). */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class CampaignConsoleResource {

    static final int MAX_UPLOAD_BYTES = 512 * 1024;
    static final Map<String, String> NOTICES = Map.of(
            "created", "Campaign created. Add its ads below.",
            "saved", "Campaign saved.",
            "pause", "Campaign paused: shoppers no longer see it.",
            "resume", "Campaign resumed.",
            "go-live", "Campaign is live now.",
            "end", "Campaign ended.",
            "duplicate", "This is the copy, one year later. Check its window and ads.",
            "ad-added", "Ad added.",
            "ad-saved", "Ad saved.");
    static final Map<String, String> ACTION_VERBS = Map.of("pause", "paused", "resume", "resumed", "go-live",
            "made live now", "end", "ended now", "duplicate", "duplicated");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance campaigns(List<Campaign> campaigns);

        static native TemplateInstance campaignForm(Long id, CampaignFields fields, FieldErrors errors);

        static native TemplateInstance campaign(Campaign campaign, AdFields newAd, FieldErrors adErrors,
                List<AuditEntry> history, String notice);

        static native TemplateInstance adForm(Campaign campaign, AdDetail ad, AdFields fields, FieldErrors errors);

        static native TemplateInstance preview(Campaign campaign, String context, List<AdView> homeAds,
                List<AdView> contextAds);
    }

    @Inject
    CampaignsClient campaigns;
    @Inject
    AuditLog audit;

    @GET
    public Response home() {
        return seeOther("/admin/campaigns");
    }

    @GET
    @Path("campaigns")
    public Response list() {
        return page(200, Templates.campaigns(campaigns.campaigns()));
    }

    @GET
    @Path("campaigns/new")
    public Response newForm() {
        return page(200, Templates.campaignForm(null, CampaignFields.blank(), new FieldErrors()));
    }

    @POST
    @Path("campaigns")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String theme, @RestForm String startsAt,
            @RestForm String endsAt, @RestForm String yearly, @RestForm String priority) {
        CampaignFields fields = new CampaignFields(name, theme, startsAt, endsAt, yearly != null, priority);
        FieldErrors errors = new FieldErrors();
        CampaignEdit edit = fields.toEdit(errors);
        if (edit == null) {
            return page(400, Templates.campaignForm(null, fields, errors));
        }
        try {
            Campaign c = campaigns.create(edit);
            audit.record("create", AuditLog.CAMPAIGN, c.id(), "Created campaign \"" + c.name() + "\" ("
                    + ConsoleFormatting.window(c) + ", priority " + c.priority() + ")");
            return seeOther("/admin/campaigns/" + c.id() + "?done=created");
        } catch (ServiceRejected r) {
            return page(400, Templates.campaignForm(null, fields, r.errors));
        }
    }

    @GET
    @Path("campaigns/{id: \\d{1,18}}")
    public Response show(@PathParam("id") long id, @QueryParam("done") String done) {
        Campaign c = campaigns.campaign(id);
        return page(200, Templates.campaign(c, AdFields.blank(), new FieldErrors(),
                audit.about(AuditLog.CAMPAIGN, id, 20), done == null ? null : NOTICES.get(done)));
    }

    @GET
    @Path("campaigns/{id: \\d{1,18}}/edit")
    public Response editForm(@PathParam("id") long id) {
        return page(200, Templates.campaignForm(id, CampaignFields.of(campaigns.campaign(id)), new FieldErrors()));
    }

    @POST
    @Path("campaigns/{id: \\d{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String name, @RestForm String theme,
            @RestForm String startsAt, @RestForm String endsAt, @RestForm String yearly, @RestForm String priority) {
        CampaignFields fields = new CampaignFields(name, theme, startsAt, endsAt, yearly != null, priority);
        FieldErrors errors = new FieldErrors();
        CampaignEdit edit = fields.toEdit(errors);
        if (edit == null) {
            return page(400, Templates.campaignForm(id, fields, errors));
        }
        try {
            Campaign c = campaigns.update(id, edit);
            audit.record("update", AuditLog.CAMPAIGN, id, "Saved campaign \"" + c.name() + "\" ("
                    + ConsoleFormatting.window(c) + ", priority " + c.priority() + ", theme " + c.theme() + ")");
            return seeOther("/admin/campaigns/" + id + "?done=saved");
        } catch (ServiceRejected r) {
            return page(400, Templates.campaignForm(id, fields, r.errors));
        }
    }

    @POST
    @Path("campaigns/{id: \\d{1,18}}/{action: pause|resume|go-live|end|duplicate}")
    public Response act(@PathParam("id") long id, @PathParam("action") String action) {
        Campaign c = campaigns.act(id, action);
        if ("duplicate".equals(action)) {
            audit.record("duplicate", AuditLog.CAMPAIGN, c.id(), "Duplicated campaign " + id + " as \"" + c.name()
                    + "\" (" + ConsoleFormatting.window(c) + ")");
        } else {
            audit.record(action, AuditLog.CAMPAIGN, id, "Campaign \"" + c.name() + "\" " + ACTION_VERBS.get(action)
                    + "; status " + c.status());
        }
        return seeOther("/admin/campaigns/" + c.id() + "?done=" + action);
    }

    @POST
    @Path("campaigns/{id: \\d{1,18}}/ads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addAd(@PathParam("id") long id, @RestForm String title, @RestForm String altText,
            @RestForm String targetPath, @RestForm String weight, @RestForm String taxonPermalink,
            @RestForm("image") FileUpload image) {
        AdFields fields = new AdFields(title, altText, targetPath, weight, taxonPermalink);
        FieldErrors errors = new FieldErrors();
        AdEdit edit = fields.toEdit(errors);
        byte[] bytes = read(image, errors);
        Campaign c = campaigns.campaign(id);
        if (edit == null || bytes == null) {
            return page(400, Templates.campaign(c, fields, errors, audit.about(AuditLog.CAMPAIGN, id, 20), null));
        }
        try {
            var created = campaigns.addAd(id, new AdUpload(edit.title(), edit.altText(), edit.targetPath(),
                    edit.weight(), edit.taxonPermalink(), image.contentType(),
                    Base64.getEncoder().encodeToString(bytes)));
            audit.record("add-ad", AuditLog.CAMPAIGN, id, "Added ad " + created.id() + " \"" + edit.title()
                    + "\" (weight " + edit.weight() + ", banner " + image.fileName() + ", " + bytes.length
                    + " bytes) to \"" + c.name() + "\"");
            return seeOther("/admin/campaigns/" + id + "?done=ad-added");
        } catch (ServiceRejected r) {
            return page(400, Templates.campaign(c, fields, r.errors, audit.about(AuditLog.CAMPAIGN, id, 20), null));
        }
    }

    @GET
    @Path("campaigns/{id: \\d{1,18}}/ads/{adId: \\d{1,18}}")
    public Response adForm(@PathParam("id") long id, @PathParam("adId") long adId) {
        Campaign c = campaigns.campaign(id);
        AdDetail ad = adOf(c, adId);
        return page(200, Templates.adForm(c, ad, AdFields.of(ad), new FieldErrors()));
    }

    @POST
    @Path("campaigns/{id: \\d{1,18}}/ads/{adId: \\d{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateAd(@PathParam("id") long id, @PathParam("adId") long adId, @RestForm String title,
            @RestForm String altText, @RestForm String targetPath, @RestForm String weight,
            @RestForm String taxonPermalink) {
        Campaign c = campaigns.campaign(id);
        AdDetail ad = adOf(c, adId);
        AdFields fields = new AdFields(title, altText, targetPath, weight, taxonPermalink);
        FieldErrors errors = new FieldErrors();
        AdEdit edit = fields.toEdit(errors);
        if (edit == null) {
            return page(400, Templates.adForm(c, ad, fields, errors));
        }
        try {
            campaigns.updateAd(adId, edit);
            audit.record("edit-ad", AuditLog.CAMPAIGN, id, "Saved ad " + adId + " \"" + edit.title() + "\" (weight "
                    + edit.weight() + ", target " + edit.targetPath()
                    + (edit.taxonPermalink() == null ? "" : ", taxon " + edit.taxonPermalink()) + ")");
            return seeOther("/admin/campaigns/" + id + "?done=ad-saved");
        } catch (ServiceRejected r) {
            return page(400, Templates.adForm(c, ad, fields, r.errors));
        }
    }

    /** The ads the home page and a taxon's pages would show with this campaign live. */
    @GET
    @Path("campaigns/{id: \\d{1,18}}/preview")
    public Response preview(@PathParam("id") long id, @QueryParam("context") String context) {
        Campaign c = campaigns.campaign(id);
        String ctx = context == null ? "" : context.trim();
        if (ctx.length() > 255 || !ctx.matches("([a-z0-9-]+(/[a-z0-9-]+)*)?")) {
            ctx = "";
        }
        List<AdView> home = campaigns.preview(id, "", 1);
        List<AdView> targeted = ctx.isEmpty() ? List.of() : campaigns.preview(id, ctx, 1);
        return page(200, Templates.preview(c, ctx, home, targeted));
    }

    private static AdDetail adOf(Campaign c, long adId) {
        return c.ads().stream().filter(a -> a.id() == adId).findFirst()
                .orElseThrow(() -> new NotFoundException("No ad " + adId + " in campaign " + c.id()));
    }

    private static byte[] read(FileUpload image, FieldErrors errors) {
        if (image == null || image.fileName() == null || image.fileName().isBlank() || image.size() == 0) {
            errors.add("image", "choose a banner image (PNG, JPEG, WebP or SVG)");
            return null;
        }
        if (image.size() > MAX_UPLOAD_BYTES) {
            errors.add("image", "must be at most 512 KiB");
            return null;
        }
        try {
            return Files.readAllBytes(image.uploadedFile());
        } catch (IOException e) {
            errors.add("image", "could not be read, please try again");
            return null;
        }
    }

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    static Response seeOther(String path) {
        // a relative Location (RFC 9110), like the rest of the shop
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
