package dev.mirshop.platform.web;

import java.util.Locale;
import java.util.Set;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The CORS headers of the original workshop's endpoints ({@code /ads}, {@code /banners/**},
 * {@code /weighted-banners/**}, {@code /discount}), as its Flask services send them with Flask-CORS 3.0.10's defaults
 * ({@code CORS(app)}): {@code Access-Control-Allow-Origin: *} on every answer, or the request's own {@code Origin}
 * with {@code Vary: Origin} when it sent one; a preflight is answered here.
 * <p>
 * Only those paths: the shop's own APIs ({@code /api/**}, with the service token) and the storefront's pages are not
 * for other origins, so Quarkus' CORS filter, which applies to every path, is not switched on
 * ({@code WorkshopContractTest}, docs/services.md).
 */
@ApplicationScoped
public class WorkshopCors {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    /** Flask-CORS allows every method; the workshop endpoints here are read-only. */
    static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    private static final Set<String> ALLOWED = Set.of("GET", "HEAD", "OPTIONS");

    static boolean isWorkshopPath(String path) {
        return path.equals("/ads") || path.startsWith("/ads/") || path.equals("/discount")
                || path.startsWith("/banners/") || path.startsWith("/weighted-banners/");
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (isWorkshopPath(RequestPaths.collapseSlashes(rc.normalizedPath()))) {
                answer(rc);
            } else {
                rc.next();
            }
        }, 900); // after RoleGate: a process that does not serve the path answers its 404 without these
    }

    private static void answer(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        HttpServerResponse response = rc.response();
        if (origin == null || origin.isEmpty()) {
            response.putHeader(ALLOW_ORIGIN, "*");
        } else {
            response.putHeader(ALLOW_ORIGIN, origin);
            response.headers().add(HttpHeaders.VARY, "Origin");
        }
        String preflightMethod = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (request.method() == HttpMethod.OPTIONS && origin != null && preflightMethod != null) {
            String headers = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            if (ALLOWED.contains(preflightMethod.trim().toUpperCase(Locale.ROOT))) {
                response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
                if (headers != null && !headers.isBlank()) {
                    response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers);
                }
            }
            response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_LENGTH, "0").end();
            return;
        }
        rc.next();
    }
}
