package dev.mirshop.platform;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What this process is called in the telemetry: the service/env/version triple of Datadog's unified service tagging
 * (DD_SERVICE, DD_ENV, DD_VERSION), read once. The common metric tags and RUM use it, and so does the bad-release
 * fault (platform.faults.BadReleaseFilter), which is why it lives in platform and not in observability.
 */
@ApplicationScoped
public class ServiceTags {

    /** The {@code dd} settings of unified service tagging; observability.DatadogConfig maps the RUM ones. */
    @ConfigMapping(prefix = "dd")
    public interface Settings {
        /** Defaults to the process's shop.role. */
        Optional<String> service();

        @WithDefault("local")
        String env();

        @WithDefault("${quarkus.application.version:unknown}")
        String version();
    }

    @Inject
    Settings settings;
    @Inject
    ShopConfig shop;

    public String service() {
        return settings.service().filter(s -> !s.isBlank()).orElse(shop.role().name());
    }

    public String env() {
        return settings.env();
    }

    public String version() {
        return settings.version();
    }
}
