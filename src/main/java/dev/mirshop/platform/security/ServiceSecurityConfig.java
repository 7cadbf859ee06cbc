package dev.mirshop.platform.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the services' bearer token, the CSRF key and the bootstrap marketer (next to ShopConfig, same prefix). */
@ConfigMapping(prefix = "shop")
public interface ServiceSecurityConfig {

    /** The bearer token of the services' write APIs: SHOP_SERVICE_TOKEN, from a Secret in production. */
    Optional<String> serviceToken();

    /**
     * The HMAC key that signs CSRF tokens: SHOP_CSRF_KEY, from a Secret in production (at least 32 characters), the
     * same in every replica of the storefront. Unset: a random key per process (forms then work only on the replica
     * that rendered them).
     */
    Optional<String> csrfKey();

    BootstrapMarketer bootstrapMarketer();

    /** SHOP_BOOTSTRAP_OPERATOR_EMAIL, _PASSWORD, _NAME: the account of the operator page (/admin/faults). */
    BootstrapOperator bootstrapOperator();

    interface BootstrapOperator {
        Optional<String> email();

        Optional<String> password();

        @WithDefault("Operations")
        String name();
    }

    interface BootstrapMarketer {
        /** SHOP_BOOTSTRAP_MARKETER_EMAIL */
        Optional<String> email();

        /** SHOP_BOOTSTRAP_MARKETER_PASSWORD */
        Optional<String> password();

        @WithDefault("Marketing")
        String name();
    }
}
