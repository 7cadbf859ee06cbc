package dev.mirshop.storefront.order;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.mirshop.platform.security.MailRequestLimiter;
import dev.mirshop.platform.security.ThrottleConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The limits of /orders/lookup: {@code shop.throttle.order-lookups-per-address} (5) and {@code -per-client} (20). */
@ApplicationScoped
public class OrderLookupThrottle {

    @Inject
    ThrottleConfig config;
    @Inject
    Clock clock;

    private MailRequestLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new MailRequestLimiter(config.orderLookupsPerAddress(), config.orderLookupsPerClient(),
                config.window(), clock);
    }

    public Optional<Duration> retryAfter(String email, HttpServerRequest request) {
        return limiter.retryAfter(email, request);
    }

    public void lookedUp(String email, HttpServerRequest request) {
        limiter.record(email, request);
    }
}
