package dev.mirshop.observability;

import java.util.List;

import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The configured maximum of each active Agroal pool, as {@code shop_datasource_max_connections{datasource}}.
 * Agroal's own meters give active, available and awaiting connections but not the maximum, and
 * {@code active + available} is only the pool's current size: dashboards divide by this gauge instead.
 */
@ApplicationScoped
public class DatabasePoolMeters {

    /** Agroal's default when {@code jdbc.max-size} is not set. */
    static final int QUARKUS_DEFAULT_MAX_SIZE = 20;

    void register(@Observes StartupEvent started, MeterRegistry registry, Config config) {
        for (String datasource : List.of("default", "discounts", "ads")) {
            String prefix = datasource.equals("default") ? "quarkus.datasource." : "quarkus.datasource.\"" + datasource + "\".";
            boolean configured = config.getOptionalValue(prefix + "db-kind", String.class).isPresent();
            boolean active = config.getOptionalValue(prefix + "active", Boolean.class).orElse(true);
            if (configured && active) {
                int max = config.getOptionalValue(prefix + "jdbc.max-size", Integer.class).orElse(QUARKUS_DEFAULT_MAX_SIZE);
                Gauge.builder("shop.datasource.max.connections", () -> max).tag("datasource", datasource)
                        .description("Configured maximum size of the datasource's connection pool").register(registry);
            }
        }
    }
}
