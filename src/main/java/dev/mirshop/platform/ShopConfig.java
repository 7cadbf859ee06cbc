package dev.mirshop.platform;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shop")
public interface ShopConfig {
    /** Which service's endpoints this process serves. */
    @WithDefault("all")
    ShopRole role();

    @WithDefault("USD")
    String currency();

    /** The canonical origin of absolute URLs, SHOP_PUBLIC_BASE_URL (platform.web.PublicBaseUrl). */
    Optional<String> publicBaseUrl();

    Http http();

    interface Http {
        /** How long a request body may take to arrive whole (platform.web.SlowBodyGuard). */
        @WithDefault("10S")
        Duration bodyTimeout();
    }
}
