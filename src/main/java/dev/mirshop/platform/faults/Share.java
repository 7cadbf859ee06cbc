package dev.mirshop.platform.faults;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A deterministic share of events: exactly {@code percent} of every hundred, spread evenly (1 in 3 at 33%), so an
 * error rate or a delayed share is what the operator asked for, not a coin toss that a short window can miss.
 */
final class Share {

    private final AtomicLong count = new AtomicLong();

    boolean hit(int percent) {
        return hit(percent, 100);
    }

    /** {@code share} events out of every {@code of}. */
    boolean hit(int share, int of) {
        if (share >= of) {
            return true;
        }
        if (share <= 0) {
            return false;
        }
        long n = count.getAndIncrement();
        return (n + 1) * share / of > n * share / of;
    }
}
