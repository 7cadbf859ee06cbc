package dev.mirshop.platform.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Sheds load the shop cannot take: at most {@code shop.load-shedding.max-in-flight} page requests are served at
 * once, and one more is answered at once with 503 and {@code Retry-After}, before any resource, session lookup or
 * database connection is touched. So under overload a shopper gets a quick "try again" instead of queueing for the
 * connection pool until it times out (and a 500). Health and metrics (/q/), static files and the services' APIs
 * (/api/, called by the storefront itself, each with its own time budget) are never shed.
 * Counted as {@code shop_requests_shed_total}.
 */
@ApplicationScoped
public class LoadShedding {

    static final String RETRY_AFTER_SECONDS = "1";
    private static final List<String> NEVER_SHED = List.of("/q/", "/api/", "/css/", "/js/", "/images/", "/favicon.ico");
    private static final String BUSY_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Busy · MIR Shop</title>
            <link rel="stylesheet" href="/css/shop.css"></head>
            <body><main class="container error-page"><p class="error-status">503</p><h1>We are busy right now</h1>
            <p class="problem-message">Too many shoppers at once. Please try again in a moment.</p>
            <p><a class="button" href="/">Back to the shop</a></p></main></body></html>
            """;

    @Inject
    LoadSheddingConfig config;
    @Inject
    MeterRegistry registry;

    private final AtomicInteger inFlight = new AtomicInteger();
    private Counter shed;

    void register(@Observes Filters filters) {
        shed = Counter.builder("shop.requests.shed")
                .description("Requests answered 503 at once because the shop had as many in flight as it takes")
                .register(registry);
        // before every other filter: an overloaded process does no work for a request it will not serve
        filters.register(this::admit, 10_000);
    }

    void admit(RoutingContext request) {
        if (exempt(request.normalizedPath())) {
            request.next();
            return;
        }
        if (inFlight.incrementAndGet() > config.maxInFlight()) {
            inFlight.decrementAndGet();
            shed.increment();
            request.response().setStatusCode(503)
                    .putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .end(BUSY_PAGE);
            return;
        }
        // once per request, when its response ends or its connection closes
        request.addEndHandler(done -> inFlight.decrementAndGet());
        request.next();
    }

    static boolean exempt(String path) {
        for (String prefix : NEVER_SHED) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Page requests being served now. */
    public int inFlight() {
        return inFlight.get();
    }
}
