package dev.mirshop.platform.loadgen;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The load generator's settings (SHOP_LOADGEN_*). It runs in role loadgen, and in role all when given shoppers. */
@ConfigMapping(prefix = "shop.loadgen")
public interface LoadgenConfig {

    /** SHOP_LOADGEN_TARGET: the storefront to walk; default this process (http://127.0.0.1:<its port>). */
    Optional<String> target();

    /** Virtual shoppers walking at once at startup (SHOP_LOADGEN_SHOPPERS); default 4 in role loadgen, 0 otherwise. */
    Optional<Integer> shoppers();

    /** Requests per second all shoppers together send at most (SHOP_LOADGEN_RATE). */
    @WithDefault("5")
    double rate();

    /** Where the operator page finds the load generator's API (SHOP_LOADGEN_URL); role all: this process. */
    @WithDefault("http://loopback")
    String url();

    /** How long one request may take before the shopper gives up on it. */
    @WithDefault("15S")
    java.time.Duration requestTimeout();
}
