package dev.mirshop.platform.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Settings of the services' bearer token, the CSRF key and the bootstrap staff (next to ShopConfig, same prefix). */
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

    /** SHOP_BOOTSTRAP_MARKETER_EMAIL, _PASSWORD, _NAME: the first marketer (docs/marketing.md). */
    BootstrapStaff bootstrapMarketer();

    /** SHOP_BOOTSTRAP_OPERATOR_EMAIL, _PASSWORD, _NAME: the account of the operator page (/admin/faults). */
    BootstrapStaff bootstrapOperator();

    /** A staff account the environment asks for (marketing.StaffBootstrap creates it); the name has a default per role. */
    interface BootstrapStaff {
        Optional<String> email();

        Optional<String> password();

        Optional<String> name();
    }
}
