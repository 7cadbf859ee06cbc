package dev.mirshop.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shop")
public interface ShopConfig {
    /** Which service's endpoints this process serves. */
    @WithDefault("all")
    ShopRole role();

    @WithDefault("USD")
    String currency();
}
