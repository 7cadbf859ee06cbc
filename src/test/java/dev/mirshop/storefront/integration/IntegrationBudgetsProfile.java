package dev.mirshop.storefront.integration;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Production budgets for the decorative calls (70 ms × 2), with breaker delays and essential timeouts shortened so
 * a breaker opens and closes, and an unavailable service is reported, within a test's patience.
 */
public class IntegrationBudgetsProfile implements QuarkusTestProfile {

    static final String ADS = "dev.mirshop.storefront.clients.AdClient/adFor";
    static final String TEASER = "dev.mirshop.storefront.clients.DiscountClient/teaser";
    static final String VALIDATE = "dev.mirshop.storefront.clients.DiscountClient/validate";
    static final String REDEEM = "dev.mirshop.storefront.clients.DiscountClient/redeem";
    static final long BREAKER_DELAY_MS = 600;
    static final long ESSENTIAL_TIMEOUT_MS = 400;

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
