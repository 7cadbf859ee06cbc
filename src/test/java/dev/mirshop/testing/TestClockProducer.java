package dev.mirshop.testing;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/**
 * Replaces {@code platform.ShopClock} in every {@code @QuarkusTest}: the shop runs on {@link TestClock}, ticking from
 * a fixed instant, whatever the machine's date. {@link ShopTime#at} installs a frozen one for a single test.
 */
public class TestClockProducer {

    private static final TestClock SUITE_CLOCK = TestClock.tickingFrom(TestClock.DEFAULT_START);

    @Produces
    @ApplicationScoped
    @Alternative
    @Priority(1)
    Clock clock() {
        return SUITE_CLOCK;
    }
}
