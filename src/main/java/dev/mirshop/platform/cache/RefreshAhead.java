package dev.mirshop.platform.cache;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A value read from the database and kept in memory for a while (a directory of taxons, option values, facet
 * counts, the search vocabulary). Read on the request path, it must not cost the requests more than one read:
 * <ul>
 * <li>the first reader loads it, and the readers that come meanwhile wait for that load rather than start their
 * own (on a cold start, 32 searches each drew the search sample at once and took 1.7 s each);</li>
 * <li>once it is older than its time, readers go on with it while one worker thread reads the next, so no shopper
 * waits for a reload, and a busy page does not read it once for every request in flight when it runs out;</li>
 * <li>{@link #forget} drops it (the catalog changed): the next reader loads it, and a refresh that was already
 * under way does not put back what it read before.</li>
 * </ul>
 * A refresh that fails keeps the last value and is tried again by the next reader.
 */
public final class RefreshAhead<T> {

    private static final Logger LOG = Logger.getLogger(RefreshAhead.class);

    private record Loaded<T>(T value, long at) {
    }

    private final String name;
    private final Supplier<T> load;
    private final long maxAgeNanos;
    private final Executor refresher;
    private final Object lock = new Object();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Loaded<T> current;
    /** Changed by {@link #forget}, under the lock: a load that began before it must not be installed. */
    private long generation;

    public RefreshAhead(String name, Duration maxAge, Supplier<T> load) {
        this(name, maxAge, load, null);
    }

    /** {@code refresher}: where refreshes run; null: the worker pool, looked up then (beans are made before it is). */
    RefreshAhead(String name, Duration maxAge, Supplier<T> load, Executor refresher) {
        this.name = name;
        this.load = load;
        this.maxAgeNanos = maxAge.toNanos();
        this.refresher = refresher;
    }

    /** The value: blocks only while nothing is loaded yet. */
    public T get() {
        Loaded<T> known = current;
        if (known == null) {
            return loadNow();
        }
        if (System.nanoTime() - known.at() > maxAgeNanos && refreshing.compareAndSet(false, true)) {
            refreshInBackground();
        }
        return known.value();
    }

    /** Whether a value is loaded and younger than its time (for tests). */
    public boolean fresh() {
        Loaded<T> known = current;
        return known != null && System.nanoTime() - known.at() <= maxAgeNanos;
    }

    /** As if the value were older than its time: the next reader starts a refresh (for tests). */
    public void age() {
        synchronized (lock) {
            Loaded<T> known = current;
            if (known != null) {
                current = new Loaded<>(known.value(), known.at() - maxAgeNanos - 1);
            }
        }
    }

    /** The next reader loads the value again and waits for it. */
    public void forget() {
        synchronized (lock) {
            generation++;
            current = null;
        }
    }

    private T loadNow() {
        synchronized (lock) {
            Loaded<T> known = current;
            if (known != null) {
                return known.value();
            }
            T value = load.get();
            current = new Loaded<>(value, System.nanoTime());
            return value;
        }
    }

    private void refreshInBackground() {
        long startedIn;
        synchronized (lock) {
            startedIn = generation;
        }
        try {
            (refresher != null ? refresher : Infrastructure.getDefaultWorkerPool()).execute(() -> {
                try {
                    T value = load.get();
                    synchronized (lock) {
                        if (generation == startedIn) {
                            current = new Loaded<>(value, System.nanoTime());
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("%s could not be read again, the last one is kept: %s", name, e.getMessage());
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.set(false);
        }
    }
}
