package dev.mirshop.platform.loadgen;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Spaces requests evenly at a rate shared by every shopper (monotonic clock: it measures intervals, not dates). */
final class RateLimit {

    private volatile double perSecond;
    private long next = System.nanoTime();

    RateLimit(double perSecond) {
        this.perSecond = perSecond;
    }

    void rate(double perSecond) {
        this.perSecond = perSecond;
    }

    double rate() {
        return perSecond;
    }

    /** Waits for this caller's slot; false when the limiter was stopped meanwhile. */
    boolean acquire(java.util.function.BooleanSupplier running) {
        long slot;
        synchronized (this) {
            long interval = (long) (TimeUnit.SECONDS.toNanos(1) / Math.max(0.01, perSecond));
            long now = System.nanoTime();
            next = Math.max(next, now - interval) + interval;
            slot = next;
        }
        for (long left = slot - System.nanoTime(); left > 0 && running.getAsBoolean(); left = slot - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
        return running.getAsBoolean();
    }
}
