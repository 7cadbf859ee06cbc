package dev.mirshop.platform.web;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The slow-client limits of application.properties (10, 15 and 10 s), shortened so a test can wait them out. */
public class ShortHttpTimeoutsProfile implements QuarkusTestProfile {

    static final int SECONDS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.idle-timeout", SECONDS + "S", "quarkus.http.read-timeout", (SECONDS * 2) + "S",
                "shop.http.body-timeout", SECONDS + "S");
    }
}
