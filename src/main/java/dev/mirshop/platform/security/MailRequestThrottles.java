package dev.mirshop.platform.security;

import java.time.Clock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The limits of the forms that mail a link to a typed address (issue 17), from {@code shop.throttle.*}: password reset
 * (3 per address, 20 per client) and guest order lookup (5 per address, 20 per client), in one window.
 */
@ApplicationScoped
public class MailRequestThrottles {

    @Inject
    ThrottleConfig config;
    @Inject
    Clock clock;

    private MailRequestLimiter passwordResets;
    private MailRequestLimiter orderLookups;

    @PostConstruct
    void init() {
        passwordResets = new MailRequestLimiter(config.passwordResetsPerAddress(), config.passwordResetsPerClient(),
                config.window(), clock);
        orderLookups = new MailRequestLimiter(config.orderLookupsPerAddress(), config.orderLookupsPerClient(),
                config.window(), clock);
    }

    /** /password/forgot */
    public MailRequestLimiter passwordResets() {
        return passwordResets;
    }

    /** /orders/lookup */
    public MailRequestLimiter orderLookups() {
        return orderLookups;
    }
}
