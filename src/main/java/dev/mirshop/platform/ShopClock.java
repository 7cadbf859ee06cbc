package dev.mirshop.platform;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one clock of the shop. Everything that decides by the time of day (which campaign is live, whether a code
 * has started) injects it, so tests can move time with {@code QuarkusMock.installMockForType(clock, Clock.class)}.
 */
public class ShopClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
