package dev.mirshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The running shop has one event loop per CPU, and an operator's setting still wins over that default. */
@QuarkusTest
class EventLoopsTest {

    @Test
    void oneEventLoopPerCpu() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.vertx.event-loops-pool-size", Integer.class))
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new EventLoopsConfigSource().getOrdinal()).as("below application.properties and the environment")
                .isLessThan(250);
    }
}
