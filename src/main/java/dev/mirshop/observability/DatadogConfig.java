package dev.mirshop.observability;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Datadog browser RUM settings. Prefix {@code dd}, so the usual Datadog environment variables map directly:
 * DD_SITE, DD_APPLICATION_ID, DD_CLIENT_TOKEN, DD_RUM_SESSION_SAMPLE_RATE, ... Every value is optional: an unset
 * application id or client token simply leaves RUM out of the page. DD_SERVICE, DD_ENV and DD_VERSION (unified
 * service tagging) are read by platform.ServiceTags.
 */
@ConfigMapping(prefix = "dd")
public interface DatadogConfig {

    /** Datadog site: datadoghq.com, datadoghq.eu, us3.datadoghq.com, us5.datadoghq.com, ap1.datadoghq.com, ... */
    @WithDefault("datadoghq.com")
    String site();

    /** RUM application id (not a secret, but without it RUM is off). */
    Optional<String> applicationId();

    /** RUM client token: the only credential that reaches the page, and it is meant to. */
    Optional<String> clientToken();

    Rum rum();

    interface Rum {
        @WithDefault("100")
        double sessionSampleRate();

        @WithDefault("20")
        double sessionReplaySampleRate();

        @WithDefault("true")
        boolean trackUserInteractions();

        @WithDefault("true")
        boolean trackResources();

        @WithDefault("true")
        boolean trackLongTasks();

        @WithDefault("mask-user-input")
        String defaultPrivacyLevel();

        /** Send RUM events through this URL instead of straight to Datadog (DD_RUM_PROXY). */
        Optional<String> proxy();

        /** Load the SDK from here instead of Datadog's CDN for the site (DD_RUM_SCRIPT_URL). */
        Optional<String> scriptUrl();
    }
}
