package dev.mirshop.platform;

import java.util.List;
import java.util.Map;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers 404 for the endpoints of services this process does not play, before any resource runs.
 * Paths not claimed by the discounts or ads service belong to the storefront; /q/ (health, metrics) is
 * served by every role.
 */
@ApplicationScoped
public class RoleGate {

    private static final Map<ShopRole, List<String>> PREFIXES = Map.of(
            ShopRole.discounts, List.of("/api/discounts", "/discount"),
            ShopRole.ads, List.of("/api/ads", "/ads", "/banners", "/weighted-banners"),
            ShopRole.loadgen, List.of("/api/loadgen"));

    public static ShopRole ownerOf(String path) {
        if (path.startsWith("/q/")) {
            return ShopRole.all;
        }
        for (var entry : PREFIXES.entrySet()) {
            for (String prefix : entry.getValue()) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return entry.getKey();
                }
            }
        }
        return ShopRole.storefront;
    }

    void register(@Observes Filters filters, ShopConfig config) {
        ShopRole role = config.role();
        if (role == ShopRole.all) {
            return;
        }
        filters.register(rc -> {
            ShopRole owner = ownerOf(rc.normalizedPath());
            if (owner == ShopRole.all || role.serves(owner)) {
                rc.next();
            } else {
                rc.response().setStatusCode(404)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                + "\"detail\":\"This process serves the " + role + " role only\"}");
            }
        }, 1000);
    }
}
