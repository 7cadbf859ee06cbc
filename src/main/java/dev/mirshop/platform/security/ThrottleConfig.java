package dev.mirshop.platform.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Brute-force limits (OWASP ASVS 2.2.1): failed logins per account and per client address, signups per client
 * address. The client address is the connection's, or X-Forwarded-For from a trusted proxy only.
 */
@ConfigMapping(prefix = "shop.throttle")
public interface ThrottleConfig {

    /** Failed logins of one account (known or not) in {@link #window()}. */
    @WithDefault("5")
    int loginFailuresPerAccount();

    /** Failed logins from one client address in {@link #window()}. */
    @WithDefault("50")
    int loginFailuresPerClient();

    /** Signups from one client address in {@link #window()}. */
    @WithDefault("50")
    int signupsPerClient();

    @WithDefault("15M")
    Duration window();
}
