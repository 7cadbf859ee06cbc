package dev.mirshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** One event loop per CPU, at least one, and an operator's setting (properties, environment) still wins. */
@QuarkusTest
class EventLoopsTest {

    private static final String POOL_SIZE = "quarkus.vertx.event-loops-pool-size";

    @Test
    void oneEventLoopPerCpuAndNeverNone() {
        assertThat(new EventLoopsConfigSource(3).getValue(POOL_SIZE)).isEqualTo("3");
        assertThat(new EventLoopsConfigSource(1).getValue(POOL_SIZE)).isEqualTo("1");
        assertThat(new EventLoopsConfigSource(0).getValue(POOL_SIZE)).as("a container with a CPU quota below one")
                .isEqualTo("1");
    }

    @Test
    void theRunningShopUsesItAndApplicationPropertiesAndTheEnvironmentRankAbove() {
        assertThat(ConfigProvider.getConfig().getConfigValue(POOL_SIZE).getSourceName()).isEqualTo("shop-event-loops");
        Iterable<ConfigSource> sources = ConfigProvider.getConfig().getConfigSources();
        int ours = ordinalOf(sources, "shop-event-loops");
        assertThat(ours).isLessThan(ordinalOf(sources, "EnvConfigSource"))
                .isLessThan(ordinalOf(sources, "application.properties"));
    }

    private static int ordinalOf(Iterable<ConfigSource> sources, String nameContains) {
        return StreamSupport.stream(sources.spliterator(), false).filter(s -> s.getName().contains(nameContains))
                .mapToInt(ConfigSource::getOrdinal).max()
                .orElseThrow(() -> new AssertionError("no config source named like " + nameContains));
    }
}
