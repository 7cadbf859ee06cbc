package dev.mirshop.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The shop's clock in tests. By default it ticks (durations and orderings behave as in production) from
 * {@link #DEFAULT_START}, a fixed instant, so no test depends on the machine's date. A test that needs a
 * particular moment freezes it with {@link ShopTime#at(Instant)} and moves it with {@link #set} and {@link #advance}.
 */
public final class TestClock extends Clock {

    /** An ordinary Wednesday: no seasonal campaign, every demo code but the seasonal ones valid, test card valid. */
    public static final Instant DEFAULT_START = Instant.parse("2026-10-14T10:00:00Z");

    private volatile Instant base;
    private volatile long baseNanos;
    private volatile boolean frozen;

    private TestClock(Instant base, boolean frozen) {
        this.base = base;
        this.baseNanos = System.nanoTime();
        this.frozen = frozen;
    }

    /** A clock that ticks from {@code start}, as the real one does. */
    public static TestClock tickingFrom(Instant start) {
        return new TestClock(start, false);
    }

    /** A clock that shows {@code instant} until it is set or advanced. */
    public static TestClock frozenAt(Instant instant) {
        return new TestClock(instant, true);
    }

    public void set(Instant instant) {
        baseNanos = System.nanoTime();
        base = instant;
    }

    public void advance(Duration duration) {
        set(instant().plus(duration));
    }

    @Override
    public Instant instant() {
        return frozen ? base : base.plusNanos(System.nanoTime() - baseNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : Clock.fixed(instant(), zone);
    }
}
