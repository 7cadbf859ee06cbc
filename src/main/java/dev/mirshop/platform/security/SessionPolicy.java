package dev.mirshop.platform.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a login lasts (OWASP ASVS 3.3.2, level 2): at most {@link #maxLifetime()} after logging in, and not longer
 * than {@link #idleTimeout()} without a request. SHOP_SESSION_IDLE_TIMEOUT, SHOP_SESSION_MAX_LIFETIME.
 */
@ConfigMapping(prefix = "shop.session")
public interface SessionPolicy {

    @WithDefault("30M")
    Duration idleTimeout();

    @WithDefault("12H")
    Duration maxLifetime();
}
