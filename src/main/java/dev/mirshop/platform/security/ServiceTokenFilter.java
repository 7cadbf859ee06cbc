package dev.mirshop.platform.security;

import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.mirshop.platform.errors.Problem;
import dev.mirshop.platform.web.RequestPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Guards the write endpoints of the discount and ad services (create, update, deactivate, campaign and ad changes,
 * banner uploads) and everything under /api/ads/admin: they need {@code Authorization: Bearer <shop.service-token>},
 * else 401 problem JSON. What the storefront calls for shoppers stays open: reads, ad selection, clicks, banners,
 * and the discount validate and redeem calls.
 */
public class ServiceTokenFilter {

    static final Set<String> OPEN_WRITES = Set.of("/api/discounts/validate", "/api/discounts/redeem");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    ServiceToken token;

    static boolean needsToken(String method, String path) {
        if (path.equals("/api/ads/admin") || path.startsWith("/api/ads/admin/")) {
            return true;
        }
        boolean service = path.equals("/api/discounts") || path.startsWith("/api/discounts/")
                || path.equals("/api/ads") || path.startsWith("/api/ads/");
        return service && !READS.contains(method) && !OPEN_WRITES.contains(trimSlash(path));
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        // the decoded path, as routing sees it: an encoded "/api/ads/%61dmin" must not slip past
        String path = RequestPaths.collapseSlashes(request.getUriInfo().getPath());
        if (!needsToken(request.getMethod(), path)) {
            return null;
        }
        if (token.accepts(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return null;
        }
        return Response.fromResponse(Problem.of(401, "Unauthorized",
                "This endpoint needs Authorization: Bearer <service token>").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mir-shop services\"").build();
    }
}
