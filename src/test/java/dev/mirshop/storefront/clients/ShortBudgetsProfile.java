package dev.mirshop.storefront.clients;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Shorter breaker delays and essential timeouts, so opening and closing breakers fits in a test; the teaser is not
 * reused between pages, so each page shows what the stubbed service answers at that moment.
 */
public class ShortBudgetsProfile implements QuarkusTestProfile {

    public static final String ADS = "dev.mirshop.storefront.clients.AdClient/adFor";
    public static final String TEASER = "dev.mirshop.storefront.clients.DiscountClient/teaser";
    public static final String VALIDATE = "dev.mirshop.storefront.clients.DiscountClient/validate";
    public static final String REDEEM = "dev.mirshop.storefront.clients.DiscountClient/redeem";
    public static final long BREAKER_DELAY_MS = 600;
    public static final long ESSENTIAL_TIMEOUT_MS = 400;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                // every page asks for the teaser here, so each page shows what the stub answers now
                Map.entry("quarkus.cache.caffeine.\"discount-teaser\".expire-after-write", "PT0.001S"),
                Map.entry(ADS + "/CircuitBreaker/delay", String.valueOf(BREAKER_DELAY_MS)),
                Map.entry(ADS + "/CircuitBreaker/delayUnit", "MILLIS"),
                Map.entry(TEASER + "/CircuitBreaker/delay", String.valueOf(BREAKER_DELAY_MS)),
                Map.entry(TEASER + "/CircuitBreaker/delayUnit", "MILLIS"),
                Map.entry(VALIDATE + "/Timeout/value", String.valueOf(ESSENTIAL_TIMEOUT_MS)),
                Map.entry(VALIDATE + "/Timeout/unit", "MILLIS"),
                Map.entry(REDEEM + "/Timeout/value", String.valueOf(ESSENTIAL_TIMEOUT_MS)),
                Map.entry(REDEEM + "/Timeout/unit", "MILLIS"));
    }
}
