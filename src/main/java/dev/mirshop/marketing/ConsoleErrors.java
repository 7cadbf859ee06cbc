package dev.mirshop.marketing;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.mirshop.marketing.client.ServiceRejected;
import dev.mirshop.marketing.client.ServiceUnavailable;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

/** The console's answer when a service is down (503) or refuses an action that has no form (409). */
public class ConsoleErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e) {
        return CampaignConsoleResource.page(503, Templates.problem(503, "Service unavailable",
                "The " + e.service + " service is unavailable right now. Nothing was changed; please try again in a moment."));
    }

    @ServerExceptionMapper
    public Response refused(ServiceRejected e) {
        String message = e.errors.general() != null ? e.errors.general()
                : e.errors.asMap().entrySet().stream().map(x -> x.getKey() + ": " + x.getValue())
                        .reduce((a, b) -> a + "; " + b).orElse("The change was refused.");
        return CampaignConsoleResource.page(409, Templates.problem(409, "Change refused", message));
    }
}
