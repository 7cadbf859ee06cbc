package dev.mirshop.platform.faults;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Faults switched on for the test (SHOP_FAULTS_ENABLED=true), with a short payment budget and a small leak cap. */
public class FaultsEnabledProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("shop.faults.enabled", "true", "storefront.checkout.gateway-timeout", "300MS",
                "shop.faults.leak-cap-mib", "8", "shop.faults.refresh", "1s",
                "shop.faults.declared", "banners-slow:1:30m");
    }
}
