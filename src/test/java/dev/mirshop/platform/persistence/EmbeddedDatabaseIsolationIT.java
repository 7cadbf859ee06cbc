package dev.mirshop.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Two packaged shops on one machine never share a database: the second one's embedded PostgreSQL cannot bind the
 * port fixed at build time, so it stops before writing anything, saying why, and the first keeps serving.
 */
class EmbeddedDatabaseIsolationIT {

    @Test
    void aSecondShopOnTheSameMachineRefusesToUseTheFirstOnesDatabase() throws Exception {
        try (PackagedShop first = PackagedShop.start("first", Map.of())) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> first.status("/q/health/ready") == 200 || !first.process.isAlive());
            assertThat(first.process.isAlive()).as(first.output()).isTrue();
            long migrationsBefore = first.outputLines().stream().filter(l -> l.contains("Migrating schema")).count();

            try (PackagedShop second = PackagedShop.start("second", Map.of())) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> !second.process.isAlive() || second.status("/q/health/ready") == 200);
                assertThat(second.process.isAlive()).as("the second shop must not start: " + second.output()).isFalse();
                assertThat(second.process.exitValue()).isNotZero();
                assertThat(second.output()).contains("belongs to another process")
                        .contains("Refusing to start").doesNotContain("Successfully applied");
            }

            assertThat(first.status("/q/health/ready")).as("the first shop still serves").isEqualTo(200);
            assertThat(first.status("/products")).isEqualTo(200);
            assertThat(first.outputLines().stream().filter(l -> l.contains("Migrating schema")).count())
                    .isEqualTo(migrationsBefore);
        }
    }
}
