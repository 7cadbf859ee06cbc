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

    Security security();

    interface Security {
        /** Where /.well-known/security.txt sends vulnerability reports, SHOP_SECURITY_CONTACT (RFC 9116 Contact). */
        @WithDefault("mailto:security@mirshop.dev")
        String contact();
    }

    interface Http {
        /** How long a request body may take to arrive whole (platform.web.SlowBodyGuard). */
        @WithDefault("10S")
        Duration bodyTimeout();
    }
}
