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
 * Guards the discount and ad services' APIs: every request that changes state (any method but GET, HEAD and
 * OPTIONS under /api/discounts and /api/ads, including validate, redeem and release, which only the storefront
 * calls), everything under /api/ads/admin, and the discount reads that show more than the live codes
 * ({@code ?include=all}, one code by id) need {@code Authorization: Bearer <shop.service-token>}, else 401 problem
 * JSON. Open to anyone: what browsers load (ad selection, clicks, banners, the live codes, the teaser).
 */
public class ServiceTokenFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final java.util.regex.Pattern ONE_DISCOUNT = java.util.regex.Pattern.compile("/api/discounts/\\d+/?");

    @Inject
    ServiceToken token;

    static boolean needsToken(String method, String path, String query) {
        if (path.equals("/api/ads/admin") || path.startsWith("/api/ads/admin/")) {
            return true;
        }
        boolean discounts = path.equals("/api/discounts") || path.startsWith("/api/discounts/");
        boolean service = discounts || path.equals("/api/ads") || path.startsWith("/api/ads/");
        if (service && !READS.contains(method)) {
            return true;
        }
        if (path.equals("/api/ads/campaigns") || path.startsWith("/api/ads/campaigns/")) {
            return true; // every campaign, future ones too: the console's view
        }
        return discounts && (ONE_DISCOUNT.matcher(path).matches() || (query != null && query.contains("include")));
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        // the decoded path, as routing sees it: an encoded "/api/ads/%61dmin" must not slip past
        String path = RequestPaths.collapseSlashes(request.getUriInfo().getPath());
        if (!needsToken(request.getMethod(), path, request.getUriInfo().getRequestUri().getRawQuery())) {
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
