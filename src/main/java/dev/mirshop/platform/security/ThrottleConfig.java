package dev.mirshop.platform.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Brute-force limits (OWASP ASVS 2.2.1): failed logins per account and per client address, signups per client
 * address, password reset and order lookup mails per e-mail address and per client address. The client address is the connection's, or X-Forwarded-For from a trusted proxy only.
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

    /** Password reset mails asked for one address (known or not) in {@link #window()} (issue 17). */
    @WithDefault("3")
    int passwordResetsPerAddress();

    /** Password reset mails asked for from one client address in {@link #window()}. */
    @WithDefault("20")
    int passwordResetsPerClient();

    /** Order link mails asked for one e-mail address on /orders/lookup in {@link #window()}. */
    @WithDefault("5")
    int orderLookupsPerAddress();

    /** Order lookups from one client address in {@link #window()}. */
    @WithDefault("20")
    int orderLookupsPerClient();

    @WithDefault("15M")
    Duration window();
}
