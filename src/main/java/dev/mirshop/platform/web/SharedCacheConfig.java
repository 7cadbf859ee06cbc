package dev.mirshop.platform.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shop.shared-cache")
public interface SharedCacheConfig {

    /**
     * How long a shared cache (CDN, Varnish) may serve an anonymous shopper's catalog page without asking the shop
     * again (SHOP_SHARED_CACHE_MAX_AGE; {@code s-maxage}). The shop's own catalog cache keeps pages as long.
     */
    @WithDefault("10S")
    Duration maxAge();
}
