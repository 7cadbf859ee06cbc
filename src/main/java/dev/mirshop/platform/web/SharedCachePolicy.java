package dev.mirshop.platform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.mirshop.platform.security.csrf.CsrfCookie;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Who may keep a copy of an HTML page: the one place that decides, whatever page code wrote the answer.
 * <p>
 * A catalog page ({@code /}, {@code /t/**}, {@code /products}, {@code /products/**}) is the same for every anonymous
 * shopper, so a shared cache may serve it for {@code shop.shared-cache.max-age}: {@code Cache-Control: public,
 * max-age=0, s-maxage=10} with {@code Vary: Cookie, Accept-Encoding}. That holds only when all of these do:
 * the request is a GET or HEAD without any of the shop's per-shopper cookies ({@code mir_*} but the CSRF nonce:
 * session, cart), the answer is a 200 {@code text/html} that sets no cookie, carries nothing made for this request
 * ({@link ThisRequestOnly}: a CSRF token, whose forms are the browser's own; the RUM trace ids of this request's span,
 * so with RUM on no page is shared) and has no Cache-Control of its own (a preview's {@code private, no-store}). A product page qualifies:
 * for a visitor its forms carry no token ({@code CsrfFilter.VISITOR_FORMS}).
 * <p>
 * Every other HTML answer without a Cache-Control of its own gets {@code private, no-cache}: a CDN that caches what
 * does not say otherwise (CloudFront's default TTL) never stores a page with a cart count or a logged-in header.
 * JSON, images and static files keep what their code sets.
 */
@ApplicationScoped
public class SharedCachePolicy {

    static final String PRIVATE = "private, no-cache";
    private static final Set<String> NOT_PER_SHOPPER = Set.of(CsrfCookie.HTTP_NAME, CsrfCookie.HTTPS_NAME);

    @Inject
    SharedCacheConfig config;

    private String shared;

    void register(@Observes Filters filters) {
        shared = "public, max-age=0, s-maxage=" + config.maxAge().toSeconds();
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
                boolean sharedPage = isCatalogPath(RequestPaths.collapseSlashes(rc.normalizedPath()))
                        && !carriesShopperCookie(request);
                rc.addHeadersEndHandler(ignored -> decide(rc, sharedPage));
            }
            rc.next();
        }, 9_000);
    }

    static boolean isCatalogPath(String path) {
        return path.equals("/") || path.startsWith("/t/") || path.equals("/products") || path.startsWith("/products/");
    }

    static boolean carriesShopperCookie(HttpServerRequest request) {
        for (Cookie cookie : request.cookies()) {
            String name = cookie.getName();
            boolean shops = name.startsWith("mir_") || name.startsWith("__Host-mir_");
            if (shops && !NOT_PER_SHOPPER.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private void decide(RoutingContext rc, boolean sharedPage) {
        HttpServerResponse response = rc.response();
        String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
        if (response.headers().contains(HttpHeaders.CACHE_CONTROL) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return;
        }
        if (sharedPage && response.getStatusCode() == 200 && !response.headers().contains(HttpHeaders.SET_COOKIE)
                && !ThisRequestOnly.marked(rc)) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, shared);
            vary(response, "Cookie", "Accept-Encoding");
        } else {
            response.putHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
        }
    }

    private static void vary(HttpServerResponse response, String... headers) {
        Map<String, String> vary = new LinkedHashMap<>();
        for (String existing : response.headers().getAll(HttpHeaders.VARY)) {
            for (String h : existing.split(",")) {
                if (!h.isBlank()) {
                    vary.putIfAbsent(h.trim().toLowerCase(Locale.ROOT), h.trim());
                }
            }
        }
        for (String h : headers) {
            vary.putIfAbsent(h.toLowerCase(Locale.ROOT), h);
        }
        response.headers().set(HttpHeaders.VARY, String.join(", ", vary.values()));
    }
}
