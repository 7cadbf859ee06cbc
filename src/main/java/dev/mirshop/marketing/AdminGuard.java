package dev.mirshop.marketing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.mirshop.platform.web.RequestPaths;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The door of /admin: anonymous visitors are sent to the login page (and come back after), logged-in accounts
 * without the marketer role get the 403 page. /admin/faults, the operator page, is for the operator role only:
 * marketers get the 403 page there, operators only that page. Runs before any console resource, so no page can
 * forget it.
 */
public class AdminGuard {

    public static final String ROLE = "marketer";
    public static final String OPERATOR = "operator";

    @Inject
    SecurityIdentity identity;

    static boolean guarded(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    static boolean operatorPage(String path) {
        return path.equals("/admin/faults") || path.startsWith("/admin/faults/");
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String path = RequestPaths.collapseSlashes(request.getUriInfo().getPath());
        if (!guarded(path)) {
            return null;
        }
        if (identity.isAnonymous()) {
            String back = "GET".equals(request.getMethod()) ? request.getUriInfo().getRequestUri().getRawPath()
                    + (request.getUriInfo().getRequestUri().getRawQuery() == null ? ""
                            : "?" + request.getUriInfo().getRequestUri().getRawQuery())
                    : "/admin";
            return Response.status(Response.Status.SEE_OTHER)
                    .header(HttpHeaders.LOCATION, "/login?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        if (operatorPage(path)) {
            if (!identity.hasRole(OPERATOR)) {
                throw new ForbiddenException();
            }
            return null;
        }
        if (path.equals("/admin") && identity.hasRole(OPERATOR)) {
            return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, "/admin/faults")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        if (!identity.hasRole(ROLE)) {
            throw new ForbiddenException();
        }
        return null;
    }
}
