package dev.mirshop.platform.faults;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.mirshop.platform.RoleGate;
import dev.mirshop.platform.ServiceTags;
import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.web.RequestPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The fault bad-release: the storefront process whose DD_VERSION is the one named answers that share (per mille) of its pages
 * with 500, the others none, so only the new pods of a blue-green release fail its analysis. After routing, so the
 * errors carry the page's URI template (no label per product).
 */
public class BadReleaseFilter {

    private final Share errors = new Share();

    @Inject
    FaultRegistry registry;
    @Inject
    ServiceTags tags;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (!registry.anyActive()) {
            return null;
        }
        var release = registry.active(Fault.BAD_RELEASE).filter(s -> tags.version().equals(s.targetVersion()));
        if (release.isEmpty()) {
            return null;
        }
        String path = RequestPaths.collapseSlashes(request.getUriInfo().getPath());
        if (RoleGate.ownerOf(path) != ShopRole.storefront || !FaultHttpFilter.shopperPage(path)
                || path.startsWith("/admin") || path.startsWith("/login") || !errors.hit(release.get().severity(), 1000)) {
            return null;
        }
        return Response.status(500).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity("<!doctype html><title>Internal Server Error</title><h1>Something went wrong</h1>"
                        + "<p>Please try again in a moment.</p>").build();
    }
}
