package dev.mirshop.observability;

import dev.mirshop.platform.ShopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The service/env/version triple of Datadog's unified service tagging, resolved once. */
@ApplicationScoped
public class ServiceTags {

    @Inject
    DatadogConfig datadog;
    @Inject
    ShopConfig shop;

    public String service() {
        return datadog.service().filter(s -> !s.isBlank()).orElse(shop.role().name());
    }

    public String env() {
        return datadog.env();
    }

    public String version() {
        return datadog.version();
    }
}
