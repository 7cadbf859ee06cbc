package dev.mirshop.observability;

import java.util.Set;

import io.micrometer.core.instrument.Counter;
import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The discount business meters: shop_discount_validations_total{result}, shop_discount_redemptions_total.
 * Called by whichever side decides the outcome (the storefront when a shopper applies a code).
 */
@Startup
@ApplicationScoped
public class DiscountMeters {

    /** Validation outcomes; anything else is counted as "other". */
    public static final Set<String> RESULTS = Set.of("valid", "unknown", "not_started", "expired", "minimum_not_met",
            "exhausted", "already_used", "unavailable");

    @Inject
    MeterRegistry registry;
    @Inject
    ShopConfig shop;

    @PostConstruct
    void registerSeriesAtZero() {
        if (!shop.role().serves(ShopRole.storefront)) {
            return; // only storefront processes count these events
        }
        RESULTS.forEach(this::validations);
        validations(MeterLabels.OTHER);
        redemptions();
    }

    /** A code was checked: result is valid, unknown, not_started, expired, minimum_not_met, exhausted, already_used or unavailable. */
    public void discountValidated(String result) {
        validations(MeterLabels.oneOf(result, RESULTS)).increment();
    }

    /** A code was redeemed for a placed order. */
    public void discountRedeemed() {
        redemptions().increment();
    }

    private Counter validations(String result) {
        return Counter.builder("shop.discount.validations").description("Discount code validations by result")
                .tag("result", result).register(registry);
    }

    private Counter redemptions() {
        return Counter.builder("shop.discount.redemptions").description("Discount codes redeemed by placed orders")
                .register(registry);
    }
}
