package dev.mirshop.platform.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the services' bearer token and of the bootstrap marketer (next to ShopConfig, same prefix). */
@ConfigMapping(prefix = "shop")
public interface ServiceSecurityConfig {

    /** The bearer token of the services' write APIs: SHOP_SERVICE_TOKEN, from a Secret in production. */
    Optional<String> serviceToken();

    BootstrapMarketer bootstrapMarketer();

    interface BootstrapMarketer {
        /** SHOP_BOOTSTRAP_MARKETER_EMAIL */
        Optional<String> email();

        /** SHOP_BOOTSTRAP_MARKETER_PASSWORD */
        Optional<String> password();

        @WithDefault("Marketing")
        String name();
    }
}
