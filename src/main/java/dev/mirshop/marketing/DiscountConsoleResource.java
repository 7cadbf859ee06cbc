package dev.mirshop.marketing;

import dev.mirshop.platform.forms.FieldErrors;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import dev.mirshop.marketing.client.ConsoleApi.Discount;
import dev.mirshop.marketing.client.ConsoleApi.DiscountForm;
import dev.mirshop.marketing.client.DiscountsClient;
import dev.mirshop.marketing.client.ServiceRejected;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** /admin/discounts: discount codes with their usage; create, edit, deactivate. Marketers only (AdminGuard). */
@Path("/admin/discounts")
@Produces(MediaType.TEXT_HTML)
public class DiscountConsoleResource {

    static final List<String> KINDS = List.of("percent", "fixed", "free_shipping");
    static final Map<String, String> NOTICES = Map.of("created", "Discount code created.", "saved",
            "Discount code saved.", "deactivated", "Discount code deactivated: shoppers can no longer use it.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance discounts(List<Discount> discounts, String notice);

        static native TemplateInstance discountForm(Long id, DiscountFields fields, FieldErrors errors,
                List<String> kinds, List<AuditEntry> history);
    }

    @Inject
    DiscountsClient discounts;
    @Inject
    AuditLog audit;

    @GET
    public Response list(@QueryParam("done") String done) {
        return CampaignConsoleResource.page(200,
                Templates.discounts(discounts.all(), done == null ? null : NOTICES.get(done)));
    }

    @GET
    @Path("new")
    public Response newForm() {
        return CampaignConsoleResource.page(200,
                Templates.discountForm(null, DiscountFields.blank(), new FieldErrors(), KINDS, List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String code, @RestForm String kind,
            @RestForm String value, @RestForm String minimumOrderTotal, @RestForm String startsAt,
            @RestForm String endsAt, @RestForm String usageLimit, @RestForm String perCustomerLimit,
            @RestForm String active) {
        DiscountFields fields = new DiscountFields(name, code, kind, value, minimumOrderTotal, startsAt, endsAt,
                usageLimit, perCustomerLimit, active != null);
        FieldErrors errors = new FieldErrors();
        DiscountForm form = fields.toForm(errors);
        if (form == null) {
            return CampaignConsoleResource.page(400, Templates.discountForm(null, fields, errors, KINDS, List.of()));
        }
        try {
            Discount d = discounts.create(form);
            audit.record("create", AuditLog.DISCOUNT, d.id(), "Created code " + d.code() + " (" + d.headline()
                    + (d.active() ? "" : ", inactive") + ")");
            return CampaignConsoleResource.seeOther("/admin/discounts?done=created");
        } catch (ServiceRejected r) {
            return CampaignConsoleResource.page(400, Templates.discountForm(null, fields, r.errors, KINDS, List.of()));
        }
    }

    @GET
    @Path("{id: \\d{1,18}}")
    public Response editForm(@PathParam("id") long id) {
        return CampaignConsoleResource.page(200, Templates.discountForm(id, DiscountFields.of(discounts.get(id)),
                new FieldErrors(), KINDS, audit.about(AuditLog.DISCOUNT, id, 20)));
    }

    @POST
    @Path("{id: \\d{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String name, @RestForm String code,
            @RestForm String kind, @RestForm String value, @RestForm String minimumOrderTotal,
            @RestForm String startsAt, @RestForm String endsAt, @RestForm String usageLimit,
            @RestForm String perCustomerLimit, @RestForm String active) {
        DiscountFields fields = new DiscountFields(name, code, kind, value, minimumOrderTotal, startsAt, endsAt,
                usageLimit, perCustomerLimit, active != null);
        FieldErrors errors = new FieldErrors();
        DiscountForm form = fields.toForm(errors);
        if (form == null) {
            return CampaignConsoleResource.page(400,
                    Templates.discountForm(id, fields, errors, KINDS, audit.about(AuditLog.DISCOUNT, id, 20)));
        }
        try {
            Discount d = discounts.update(id, form);
            audit.record("update", AuditLog.DISCOUNT, id, "Saved code " + d.code() + " (" + d.headline()
                    + (d.active() ? "" : ", inactive") + ")");
            return CampaignConsoleResource.seeOther("/admin/discounts?done=saved");
        } catch (ServiceRejected r) {
            return CampaignConsoleResource.page(400,
                    Templates.discountForm(id, fields, r.errors, KINDS, audit.about(AuditLog.DISCOUNT, id, 20)));
        }
    }

    @POST
    @Path("{id: \\d{1,18}}/deactivate")
    public Response deactivate(@PathParam("id") long id) {
        Discount d = discounts.deactivate(id);
        audit.record("deactivate", AuditLog.DISCOUNT, id, "Deactivated code " + d.code());
        return CampaignConsoleResource.seeOther("/admin/discounts?done=deactivated");
    }
}
