package dev.mirshop.marketing.client;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.mirshop.platform.security.ServiceToken;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.LaunchMode;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;

/**
 * Adds the service token to the console's calls, and points host "loopback" at the port this process listens on
 * (role "all" calls its own services over HTTP, on whatever port it got, even a random test port).
 */
public class ServiceCallFilter implements ClientRequestFilter {

    static final String LOOPBACK = "loopback";

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION,
                "Bearer " + Arc.container().instance(ServiceToken.class).get().value());
        URI uri = request.getUri();
        if (LOOPBACK.equals(uri.getHost())) {
            request.setUri(UriBuilder.fromUri(uri).host("localhost").port(localPort()).build());
        }
    }

    static int localPort() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String fromSystem = System.getProperty(key);
        if (fromSystem != null && !fromSystem.isBlank() && !"0".equals(fromSystem.trim())) {
            return Integer.parseInt(fromSystem.trim());
        }
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
    }
}
