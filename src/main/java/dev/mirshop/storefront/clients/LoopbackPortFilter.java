package dev.mirshop.storefront.clients;

import java.net.URI;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.HttpServer;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * In role "all" the storefront calls the services in its own process over HTTP. Their URL is configured as
 * {@code http://loopback}; this filter replaces that host with the port this process actually listens on, which
 * is only known once the server has started (8080, QUARKUS_HTTP_PORT, or a random port in tests).
 */
public class LoopbackPortFilter implements ClientRequestFilter {

    static final String LOOPBACK_HOST = "loopback";
    private static volatile int port;

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        if (!LOOPBACK_HOST.equals(uri.getHost())) {
            return;
        }
        request.setUri(URI.create("http://127.0.0.1:" + listeningPort() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
    }

    static int listeningPort() {
        int known = port;
        if (known > 0) {
            return known;
        }
        try (InstanceHandle<HttpServer> server = Arc.container().instance(HttpServer.class)) {
            if (server.isAvailable() && server.get().getPort() > 0) {
                port = server.get().getPort();
                return port;
            }
        }
        return Integer.getInteger("quarkus.http.port", 8080);
    }
}
