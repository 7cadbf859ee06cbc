package dev.mirshop.platform.lifecycle;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shop.shutdown")
public interface StoppingConfig {

    /**
     * How long the background work may take in all when the process stops, so that it ends before the pod's grace
     * period (SHOP_SHUTDOWN_WORK_TIMEOUT).
     */
    @WithDefault("5S")
    Duration workTimeout();
}
