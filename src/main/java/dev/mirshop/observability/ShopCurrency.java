package dev.mirshop.observability;

import dev.mirshop.platform.ShopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The shop's currency, used to pre-register the revenue series. */
@ApplicationScoped
public class ShopCurrency {

    @Inject
    ShopConfig shop;

    public String code() {
        return shop.currency();
    }
}
