package dev.mirshop.platform.web;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.errors.ErrorPages;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A request body must arrive whole within {@code shop.http.body-timeout}: a client that trickles its body (a slow
 * POST) gets 408 and its connection closed, instead of holding a worker and a connection for as long as it likes.
 * A stalled connection (no byte at all, e.g. in the middle of its headers) is closed by quarkus.http.idle-timeout.
 */
@ApplicationScoped
public class SlowBodyGuard {

    @Inject
    ShopConfig config;
    @Inject
    Vertx vertx;

    void register(@Observes Filters filters) {
        long timeoutMillis = config.http().bodyTimeout().toMillis();
        filters.register(rc -> {
            if (!rc.request().isEnded()) {
                long timer = vertx.setTimer(timeoutMillis, id -> tooSlow(rc));
                rc.addEndHandler(done -> vertx.cancelTimer(timer));
            }
            rc.next();
        }, 2500);
    }

    private static void tooSlow(RoutingContext rc) {
        if (rc.request().isEnded() || rc.response().ended() || rc.response().closed()) {
            return;
        }
        if (rc.response().headWritten()) {
            rc.request().connection().close();
            return;
        }
        // Vert.x closes the connection once an answer that says "Connection: close" is written
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        ErrorPages.endRaw(rc, 408, "The request took too long to arrive.");
    }
}
