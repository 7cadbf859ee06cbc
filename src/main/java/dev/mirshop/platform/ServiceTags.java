package dev.mirshop.platform;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What this process is called in the telemetry: the service/env/version triple of Datadog's unified service tagging
 * (DD_SERVICE, DD_ENV, DD_VERSION), read once. The common metric tags and RUM use it, and so does the bad-release
 * fault (platform.faults.BadReleaseFilter), which is why it lives in platform and not in observability.
 */
@ApplicationScoped
public class ServiceTags {

    @ConfigProperty(name = "dd.service")
    Optional<String> service;
    @ConfigProperty(name = "dd.env", defaultValue = "local")
    String env;
    @ConfigProperty(name = "dd.version")
    Optional<String> version;
    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String buildVersion;
    @Inject
    ShopConfig shop;

    /** DD_SERVICE; defaults to the process's shop.role. */
    public String service() {
        return service.filter(s -> !s.isBlank()).orElse(shop.role().name());
    }

    public String env() {
        return env;
    }

    /** DD_VERSION; defaults to the build's version. */
    public String version() {
        return version.filter(v -> !v.isBlank()).orElse(buildVersion);
    }
}
