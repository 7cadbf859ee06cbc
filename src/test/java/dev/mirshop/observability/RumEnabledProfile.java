package dev.mirshop.observability;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * RUM switched on with fake credentials (nothing reaches Datadog: tests intercept the SDK). The service name
 * and version try to break out of the script element: they must arrive in DD_RUM.init as plain strings.
 */
public class RumEnabledProfile implements QuarkusTestProfile {

    static final String APPLICATION_ID = "00000000-test-app0-0000-000000000000";
    static final String CLIENT_TOKEN = "pubtest0000000000000000000000000";
    static final String SERVICE = "mir-shop-web</script><script>window.pwned=1</script>";
    static final String VERSION = "9.9.9'\"&<!--";
    static final String PROXY = "https://rum-proxy.example.com/forward";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dd.application-id", APPLICATION_ID,
                "dd.client-token", CLIENT_TOKEN,
                "dd.site", "datadoghq.eu",
                "dd.service", SERVICE,
                "dd.env", "rum-test",
                "dd.version", VERSION,
                "dd.rum.session-sample-rate", "42",
                "dd.rum.session-replay-sample-rate", "7",
                "dd.rum.proxy", PROXY);
    }
}
