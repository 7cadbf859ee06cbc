package dev.mirshop.platform.security.csrf;

import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import dev.mirshop.platform.errors.ErrorPages;
import dev.mirshop.platform.web.PublicBaseUrl;
import dev.mirshop.platform.web.RequestPaths;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

/**
 * Every state-changing request to the shop's pages (any method but GET, HEAD and OPTIONS; any content type, with or
 * without a body) must come from the shop itself:
 * <ol>
 * <li>a browser that says where the request comes from must say this shop: {@code Sec-Fetch-Site} same-origin (or
 * none), {@code Origin} the shop's own origin;</li>
 * <li>and it must carry this browser's CSRF token ({@link CsrfTokens}): the form field {@value CsrfTokens#FORM_FIELD}
 * of a form, else the header {@value CsrfTokens#HEADER}, which no other site can set.</li>
 * </ol>
 * The services' APIs under /api/ are not for browsers: their writes need the service token (ServiceTokenFilter).
 * The web-vitals beacon changes nothing of a shopper's and gets only the first check. The {@link #VISITOR_FORMS} may
 * come without a token from a browser that proves it is on this shop.
 */
public class CsrfFilter {

    static final String ORIGIN_REFUSED = "This request came from another site and was refused.";
    static final String TOKEN_REFUSED = "This form has expired or did not come from this shop. Please reload the page"
            + " and try again.";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_ORIGIN_FETCHES = Set.of("same-origin", "none");
    private static final Set<String> TOKENLESS = Set.of("/rum/vitals");
    /**
     * The forms of the product page, which a shared cache keeps for every visitor (SharedCachePolicy), so they carry
     * no token for a visitor without a login session: posted without one, they need the browser's own word that the
     * request comes from this shop's page ({@code Sec-Fetch-Site: same-origin}, or without it an {@code Origin} that is
     * the shop's), which no other site can forge. This is the Fetch Metadata defence of Go's
     * net/http.CrossOriginProtection and OWASP's CSRF cheat sheet, stricter: a request that says nothing is refused.
     */
    public static final Set<String> VISITOR_FORMS = Set.of("/cart/add", "/wishlist/add");

    @Inject
    CsrfTokens tokens;
    @Inject
    PublicBaseUrl publicBaseUrl;

    static boolean exempt(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext rc) {
        String path = RequestPaths.collapseSlashes(request.getUriInfo().getPath());
        if (SAFE_METHODS.contains(request.getMethod()) || exempt(path)) {
            return;
        }
        if (!fromThisSite(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"), rc)) {
            request.abortWith(ErrorPages.respond(request, 403, ORIGIN_REFUSED));
            return;
        }
        if (TOKENLESS.contains(path)) {
            return;
        }
        String presented = request.getHeaderString(CsrfTokens.HEADER);
        if (presented == null && isForm(request.getMediaType())) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            presented = (String) context.getFormParameter(CsrfTokens.FORM_FIELD, true, false);
        }
        if (presented == null && "POST".equals(request.getMethod()) && VISITOR_FORMS.contains(path)
                && provesSameOrigin(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"), rc)) {
            return;
        }
        if (!tokens.verify(rc, presented)) {
            request.abortWith(ErrorPages.respond(request, 400, TOKEN_REFUSED));
        }
    }

    private boolean fromThisSite(String fetchSite, String origin, RoutingContext rc) {
        if (fetchSite != null && !SAME_ORIGIN_FETCHES.contains(fetchSite.trim().toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        return origin == null || publicBaseUrl.isShopOrigin(origin, rc);
    }

    /** A positive same-origin claim; {@link #fromThisSite} has already refused every other one. */
    private boolean provesSameOrigin(String fetchSite, String origin, RoutingContext rc) {
        if (fetchSite != null) {
            return "same-origin".equalsIgnoreCase(fetchSite.trim());
        }
        return origin != null && publicBaseUrl.isShopOrigin(origin, rc);
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) && !type.isWildcardType()
                && !type.isWildcardSubtype();
    }
}
