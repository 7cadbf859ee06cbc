package dev.mirshop.platform.faults;

import java.util.Optional;

import dev.mirshop.platform.RoleGate;
import dev.mirshop.platform.ShopRole;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The faults that act on HTTP, in one place, before any resource runs (after RoleGate): slow or failing ad selection,
 * slow banners, the discount service down, CPU burnt per page, a storefront that hangs. Nothing
 * happens unless a fault is on; delays use timers, never a blocked event loop. A bad release's 500s are answered
 * after routing (BadReleaseFilter), so they carry the route's URI template like any other answer.
 */
@ApplicationScoped
public class FaultHttpFilter {

    static final int PRIORITY = 900;
    private final Share adErrors = new Share();
    private final Share discountErrors = new Share();

    @Inject
    FaultRegistry registry;

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext rc) {
        if (!registry.anyActive()) {
            rc.next();
            return;
        }
        String path = rc.normalizedPath();
        ShopRole owner = RoleGate.ownerOf(path);
        if (owner == ShopRole.ads) {
            ads(rc, path);
        } else if (owner == ShopRole.discounts) {
            discounts(rc, path);
        } else {
            storefront(rc, path);
        }
    }

    private void ads(RoutingContext rc, String path) {
        // what pages ask of the ad service: the targets too, or a failing service would still answer some of the
        // storefront's calls and dilute MirShopAdServiceDown's ratio of failed calls
        boolean selection = path.equals("/api/ads/select") || path.equals("/api/ads/targets") || path.equals("/ads");
        if (selection) {
            if (registry.active(Fault.ADS_FAILING).filter(s -> adErrors.hit(s.severity())).isPresent()) {
                problem(rc, 500, "Internal Server Error", "fault ads-failing is on");
                return;
            }
            Optional<FaultState> slow = registry.active(Fault.ADS_SLOW);
            if (slow.isPresent()) {
                later(rc, slow.get().severity());
                return;
            }
        }
        Optional<FaultState> banners = registry.active(Fault.BANNERS_SLOW);
        if (path.startsWith("/banners/") && banners.isPresent()) {
            later(rc, banners.get().severity());
            return;
        }
        rc.next();
    }

    private void discounts(RoutingContext rc, String path) {
        boolean api = !path.startsWith("/api/discounts/faults");
        if (api && registry.active(Fault.DISCOUNTS_DOWN).filter(s -> discountErrors.hit(s.severity())).isPresent()) {
            rc.response().putHeader("Retry-After", "5");
            problem(rc, 503, "Service Unavailable", "fault discounts-down is on");
            return;
        }
        rc.next();
    }

    private void storefront(RoutingContext rc, String path) {
        boolean operator = path.startsWith("/admin") || path.startsWith("/api/faults") || path.startsWith("/login")
                || path.startsWith("/logout");
        Optional<FaultState> unresponsive = registry.active(Fault.STOREFRONT_UNRESPONSIVE);
        if (unresponsive.isPresent() && !operator) {
            // holds the request (metrics and probes included), then drops the connection: what a deadlocked pod does
            rc.vertx().setTimer(unresponsive.get().severity() * 1000L, t -> rc.request().connection().close());
            return;
        }
        if (!shopperPage(path) || operator) {
            rc.next();
            return;
        }
        Optional<FaultState> cpu = registry.active(Fault.CPU_BURN);
        if (cpu.isPresent()) {
            long millis = cpu.get().severity();
            rc.vertx().executeBlocking(() -> CpuBurn.spin(millis), false).onComplete(done -> rc.next());
            return;
        }
        rc.next();
    }

    /** A page a shopper asks for: not health or metrics, not static files, not the services' APIs. */
    static boolean shopperPage(String path) {
        return !(path.startsWith("/q/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/images/") || path.startsWith("/api/") || path.startsWith("/rum/")
                || path.equals("/favicon.ico"));
    }

    private static void later(RoutingContext rc, long millis) {
        rc.vertx().setTimer(Math.max(1, millis), t -> rc.next());
    }

    private static void problem(RoutingContext rc, int status, String title, String detail) {
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}
