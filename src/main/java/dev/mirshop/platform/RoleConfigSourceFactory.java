package dev.mirshop.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Derives from {@code shop.role} which datasources (and so which persistence units and Flyway migrations)
 * this process activates: each service owns a named datasource, and a process only touches its own.
 * The derived values sit between application.properties (250) and environment variables (300), so an
 * operator can still override any of them explicitly.
 */
public class RoleConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue("shop.role");
        ShopRole role = parse(value == null ? null : value.getValue());
        Map<String, String> derived = new HashMap<>();
        for (ShopRole service : new ShopRole[] { ShopRole.discounts, ShopRole.ads }) {
            String active = String.valueOf(role.serves(service));
            derived.put("quarkus.datasource.\"" + service + "\".active", active);
            derived.put("quarkus.hibernate-orm.\"" + service + "\".active", active);
            derived.put("quarkus.flyway.\"" + service + "\".migrate-at-start", active);
        }
        if (!role.serves(ShopRole.storefront)) {
            // the storefront's tables are neither migrated nor validated by a discounts-only or ads-only process
            derived.put("quarkus.flyway.migrate-at-start", "false");
            derived.put("quarkus.hibernate-orm.schema-management.strategy", "none");
        }
        return List.of(new MapBackedConfigSource("shop-role-derived", derived, ORDINAL) {
        });
    }

    static ShopRole parse(String value) {
        if (value == null || value.isBlank()) {
            return ShopRole.all;
        }
        try {
            return ShopRole.valueOf(value.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // ShopConfig rejects the value with a clear message at startup; activate everything meanwhile
            return ShopRole.all;
        }
    }
}
