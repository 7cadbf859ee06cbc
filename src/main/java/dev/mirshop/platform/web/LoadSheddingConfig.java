package dev.mirshop.platform.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many page requests the shop serves at once before it sheds load ({@link LoadShedding}). */
@ConfigMapping(prefix = "shop.load-shedding")
public interface LoadSheddingConfig {

    /** SHOP_LOAD_SHEDDING_MAX_IN_FLIGHT */
    @WithDefault("64")
    int maxInFlight();
}
