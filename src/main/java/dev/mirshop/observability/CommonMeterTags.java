package dev.mirshop.observability;

import dev.mirshop.platform.ServiceTags;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Puts service, env and version on every meter, so Prometheus and Datadog slice the same way. */
@Singleton
public class CommonMeterTags {

    @Produces
    @Singleton
    MeterFilter commonTags(ServiceTags tags) {
        return MeterFilter.commonTags(Tags.of("service", tags.service(), "env", tags.env(), "version", tags.version()));
    }
}
