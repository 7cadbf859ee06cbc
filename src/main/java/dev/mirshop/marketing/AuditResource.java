package dev.mirshop.marketing;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** /admin/audit: the latest changes made in the console. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    static final int PAGE_SIZE = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditEntry> entries);
    }

    @Inject
    AuditLog audit;

    @GET
    public Response list() {
        return CampaignConsoleResource.page(200, Templates.audit(audit.recent(PAGE_SIZE)));
    }
}
