package dev.mirshop.marketing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import dev.mirshop.marketing.client.FaultsClient;
import dev.mirshop.marketing.client.ServiceRejected;
import dev.mirshop.marketing.client.ServiceUnavailable;
import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.faults.FaultApi.FaultView;
import dev.mirshop.platform.faults.FaultApi.Overview;
import dev.mirshop.platform.faults.FaultApi.Switch;
import dev.mirshop.platform.faults.FaultEvent;
import dev.mirshop.platform.faults.FaultRegistry;
import dev.mirshop.platform.loadgen.LoadGenerator.Settings;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * /admin/faults: the operator page (role operator, AdminGuard). Switches faults on and off in the service that owns
 * each (over its token-protected API), and the load generator's shoppers and rate. Absent (404) unless
 * SHOP_FAULTS_ENABLED=true. Every change goes to the audit log here and to the service's own fault history.
 */
@Path("/admin/faults")
@Produces(MediaType.TEXT_HTML)
public class FaultConsoleResource {

    static final List<ShopRole> SERVICES = List.of(ShopRole.storefront, ShopRole.ads, ShopRole.discounts);
    static final Map<String, String> NOTICES = Map.of("on", "Fault switched on.", "off", "Fault switched off.",
            "traffic", "Load generator changed.");

    /** One service's faults as the page shows them; {@code problem} when the service could not be asked. */
    public record ServiceFaults(String service, List<FaultView> faults, List<FaultEvent> events, String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance faults(List<ServiceFaults> services, Settings traffic, String trafficProblem,
                String notice, String error);
    }

    @Inject
    FaultsClient client;
    @Inject
    FaultRegistry faults;
    @Inject
    AuditLog audit;
    @Inject
    SecurityIdentity identity;

    @GET
    public Response list(@QueryParam("done") String done) {
        return page(200, done == null ? null : NOTICES.get(done), null);
    }

    @POST
    @Path("{service: storefront|ads|discounts}/{id: [a-z0-9-]{1,40}}/on")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response on(@PathParam("service") String service, @PathParam("id") String id, @RestForm String severity,
            @RestForm String minutes, @RestForm String version) {
        requireEnabled();
        Integer level;
        Integer duration;
        try {
            level = severity == null || severity.isBlank() ? null : Integer.valueOf(severity.trim());
            duration = minutes == null || minutes.isBlank() ? null : Integer.valueOf(minutes.trim());
        } catch (NumberFormatException e) {
            return page(400, null, "Severity and minutes must be whole numbers.");
        }
        if (duration != null && duration < 1) {
            return page(400, null, "Minutes must be at least 1.");
        }
        try {
            FaultView v = client.on(ShopRole.valueOf(service), id, new Switch(level, duration == null ? null : duration + "m",
                    version == null || version.isBlank() ? null : version.trim()), actor());
            audit.record("fault-on", AuditLog.FAULT, null, "Switched on " + v.id() + " in " + service + " (severity "
                    + v.severity() + ", " + v.knob() + (v.version() == null ? "" : ", version " + v.version())
                    + ") until " + v.endsAt());
            return CampaignConsoleResource.seeOther("/admin/faults?done=on");
        } catch (ServiceRejected r) {
            return page(400, null, r.errors.asMap().values().stream().findFirst()
                    .orElse(r.errors.general() == null ? "The service refused the change." : r.errors.general()));
        }
    }

    @POST
    @Path("{service: storefront|ads|discounts}/{id: [a-z0-9-]{1,40}}/off")
    public Response off(@PathParam("service") String service, @PathParam("id") String id) {
        requireEnabled();
        FaultView v = client.off(ShopRole.valueOf(service), id, actor());
        audit.record("fault-off", AuditLog.FAULT, null, "Switched off " + v.id() + " in " + service);
        return CampaignConsoleResource.seeOther("/admin/faults?done=off");
    }

    @POST
    @Path("traffic")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response traffic(@RestForm String shoppers, @RestForm String rate) {
        requireEnabled();
        int n;
        double r;
        try {
            n = Integer.parseInt(shoppers == null ? "" : shoppers.trim());
            r = Double.parseDouble(rate == null ? "" : rate.trim());
        } catch (NumberFormatException e) {
            return page(400, null, "Shoppers must be a whole number and the rate a number of requests per second.");
        }
        try {
            Settings s = client.loadgen(n, r);
            audit.record("traffic", AuditLog.LOADGEN, null, "Load generator: " + s.shoppers() + " shoppers, at most "
                    + s.rate() + " requests/s against " + s.target());
            return CampaignConsoleResource.seeOther("/admin/faults?done=traffic");
        } catch (ServiceRejected e) {
            return page(400, null, e.errors.general() == null ? "The load generator refused the change." : e.errors.general());
        }
    }

    private Response page(int status, String notice, String error) {
        requireEnabled();
        List<ServiceFaults> services = new ArrayList<>();
        for (ShopRole service : SERVICES) {
            try {
                Overview o = client.list(service);
                services.add(new ServiceFaults(service.name(), o.faults(), o.events(), null));
            } catch (ServiceUnavailable e) {
                services.add(new ServiceFaults(service.name(), List.of(), List.of(),
                        "The " + service + " service could not be asked (down, or its faults are disabled)."));
            }
        }
        Settings traffic = null;
        String trafficProblem = null;
        try {
            traffic = client.loadgen();
        } catch (ServiceUnavailable | NotFoundException e) {
            trafficProblem = "No load generator answers at shop.loadgen.url (SHOP_ROLE=loadgen, or role all).";
        }
        return CampaignConsoleResource.page(status, Templates.faults(services, traffic, trafficProblem, notice, error));
    }

    private void requireEnabled() {
        if (!faults.enabled()) {
            throw new NotFoundException(); // the page does not exist where faults are disabled
        }
    }

    private String actor() {
        return identity.isAnonymous() ? "unknown" : identity.getPrincipal().getName() + " (operator page)";
    }
}
