package dev.mirshop.storefront.account;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SHOP_PASSWORD_RESET_TOKEN_LIFETIME: how long a mailed reset link works (once). */
@ConfigMapping(prefix = "shop.password-reset")
public interface PasswordResetConfig {

    @WithDefault("1H")
    Duration tokenLifetime();
}
