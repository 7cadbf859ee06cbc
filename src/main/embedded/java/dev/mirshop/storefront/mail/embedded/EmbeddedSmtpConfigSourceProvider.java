package dev.mirshop.storefront.mail.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Points Quarkus Mailer at the embedded SMTP server: 127.0.0.1 and a free port chosen once per JVM, below
 * application.properties (ordinal 200), so QUARKUS_MAILER_HOST / _PORT still send mail elsewhere (and then
 * {@link EmbeddedSmtp} does not start). Compiled only without -Dproduction, like GreenMail itself.
 */
public class EmbeddedSmtpConfigSourceProvider implements ConfigSourceProvider {

    static final String HOST = "127.0.0.1";
    private static volatile int port;

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
        return List.of(new MapBackedConfigSource("shop-embedded-smtp",
                Map.of("quarkus.mailer.host", HOST, "quarkus.mailer.port", String.valueOf(port()),
                        "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.login", "DISABLED"), 200) {
        });
    }

    /** The port the embedded server listens on: free when first asked (a test run and a laptop run never meet). */
    static synchronized int port() {
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port for the embedded SMTP server", e);
            }
        }
        return port;
    }
}
