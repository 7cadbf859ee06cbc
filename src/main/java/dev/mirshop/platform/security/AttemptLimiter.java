package dev.mirshop.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts attempts per key (an account, a client address) in fixed windows: after {@code limit} attempts in one
 * window, the key is refused until the window ends. In memory and bounded (the oldest keys go first), per process:
 * behind N replicas an attacker gets at most N times the limit, which still turns 50 guesses in 7 seconds into
 * a handful per quarter hour. Time comes from the shop's clock.
 */
public final class AttemptLimiter {

    private record Window(Instant start, int count) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Window> windows;

    public AttemptLimiter(int limit, Duration window, Clock clock, int maxKeys) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.windows = Caffeine.newBuilder().maximumSize(maxKeys).build();
    }

    /** How long the key must wait before its next attempt, or empty when it may try now. */
    public Optional<Duration> retryAfter(String key) {
        Window w = windows.getIfPresent(key);
        Instant now = clock.instant();
        if (w == null || w.count() < limit || !now.isBefore(w.start().plus(window))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, w.start().plus(window)));
    }

    /** Counts one attempt (a failed login, a signup). */
    public void record(String key) {
        Instant now = clock.instant();
        windows.asMap().compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
    }

    /** Forgets the key (after a successful login). */
    public void reset(String key) {
        windows.invalidate(key);
    }

    /** Seconds for a Retry-After header: at least 1. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
