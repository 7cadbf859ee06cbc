package dev.mirshop.storefront.clients;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Shorter breaker delays and essential timeouts, so opening and closing breakers fits in a test. */
public class ShortBudgetsProfile implements QuarkusTestProfile {

    public static final String ADS = "dev.mirshop.storefront.clients.AdClient/adFor";
    public static final String TEASER = "dev.mirshop.storefront.clients.DiscountClient/teaser";
    public static final String VALIDATE = "dev.mirshop.storefront.clients.DiscountClient/validate";
    public static final String REDEEM = "dev.mirshop.storefront.clients.DiscountClient/redeem";
    public static final long BREAKER_DELAY_MS = 600;
    public static final long ESSENTIAL_TIMEOUT_MS = 400;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                ADS + "/CircuitBreaker/delay", String.valueOf(BREAKER_DELAY_MS),
                ADS + "/CircuitBreaker/delayUnit", "MILLIS",
                TEASER + "/CircuitBreaker/delay", String.valueOf(BREAKER_DELAY_MS),
                TEASER + "/CircuitBreaker/delayUnit", "MILLIS",
                VALIDATE + "/Timeout/value", String.valueOf(ESSENTIAL_TIMEOUT_MS),
                VALIDATE + "/Timeout/unit", "MILLIS",
                REDEEM + "/Timeout/value", String.valueOf(ESSENTIAL_TIMEOUT_MS),
                REDEEM + "/Timeout/unit", "MILLIS");
    }
}
