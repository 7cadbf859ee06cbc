package dev.mirshop.storefront.clients;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock standing in for the ad and discount services behind the storefront's pages: a fixed free port, so a test
 * can stop it (connections refused) and start it again; both REST clients point at it.
 */
public class WireMockServices implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;
    static int port;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(options().port(port).containerThreads(60));
        server.start();
        String url = "http://localhost:" + port;
        return Map.of("quarkus.rest-client.ads.url", url, "quarkus.rest-client.discounts.url", url);
    }

    public static void refuseConnections() {
        server.stop();
    }

    public static void acceptConnections() {
        if (!server.isRunning()) {
            server = new WireMockServer(options().port(port).containerThreads(60));
            server.start();
        }
    }

    /** A fresh server: requests still waiting on an earlier test's delays are dropped, not served late. */
    public static void restart() {
        server.stop();
        server = new WireMockServer(options().port(port).containerThreads(60));
        server.start();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
