package dev.mirshop.platform.web;

import dev.mirshop.platform.errors.ErrorPages;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * /q/metrics (and every /q/ endpoint but health) is for Prometheus inside the cluster, which scrapes the pods
 * directly. A request that came through the public load balancer carries X-Forwarded-For (the ALB always adds it)
 * and gets 404, so the Ingress's "/" rule does not publish the metrics. Health stays reachable: the ALB's own
 * health checks and the Kubernetes probes call it.
 */
@ApplicationScoped
public class InternalEndpoints {

    static boolean internal(String path) {
        return path != null && path.startsWith("/q/") && !path.equals("/q/health") && !path.startsWith("/q/health/");
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = RequestPaths.collapseSlashes(rc.normalizedPath());
            if (internal(path) && (rc.request().getHeader("X-Forwarded-For") != null
                    || rc.request().getHeader("Forwarded") != null)) {
                ErrorPages.endRaw(rc, 404, "We could not find the page you were looking for.");
                return;
            }
            rc.next();
        }, 2900);
    }
}
