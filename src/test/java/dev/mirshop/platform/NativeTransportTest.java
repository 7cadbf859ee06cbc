package dev.mirshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;

/**
 * On Linux (CI, the image) Vert.x runs on epoll, not Java NIO: the native library is packaged for x86-64 and
 * arm64 and the setting asks for it. If the library went missing, Vert.x would silently fall back.
 */
@QuarkusTest
class NativeTransportTest {

    @Inject
    Vertx vertx;

    @Test
    void epollOnLinux() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        boolean packaged = os.startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64"));
        assertThat(vertx.isNativeTransportEnabled()).as("native transport on %s/%s", os, arch).isEqualTo(packaged);
    }
}
