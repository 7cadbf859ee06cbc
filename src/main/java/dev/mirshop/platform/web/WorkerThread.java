package dev.mirshop.platform.web;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs the preparation of a non-blocking page: inline on the request's I/O thread when everything it needs is
 * already in memory (the usual case: cached pages, no cart), else on a worker thread in the request's own Vert.x
 * context, so its CDI request context and security identity come along, with the result delivered back on the
 * I/O thread. A page that then waits for another service renders on that I/O thread when the answer arrives,
 * instead of holding a worker and being handed back to one.
 * <p>
 * Code that would block (a database read, a blocking HTTP call) asks {@link #mustNotBlock()} first and, when true,
 * throws {@link NeedsWorker}; the preparation is then run again on a worker, so it must have no side effects
 * before that point.
 */
public final class WorkerThread {

    private static final ThreadLocal<Boolean> INLINE = new ThreadLocal<>();

    /** Thrown by code that needs to block while it runs inline on the I/O thread. */
    public static final class NeedsWorker extends RuntimeException {
        private static final NeedsWorker INSTANCE = new NeedsWorker();

        private NeedsWorker() {
            super("needs a worker thread", null, false, false);
        }
    }

    private WorkerThread() {
    }

    /** True while a preparation runs inline on the I/O thread: do not block, throw {@link #needsWorker()}. */
    public static boolean mustNotBlock() {
        return INLINE.get() != null;
    }

    public static NeedsWorker needsWorker() {
        return NeedsWorker.INSTANCE;
    }

    public static <T> Uni<T> call(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return Uni.createFrom().item(() -> callUnchecked(work));
        }
        INLINE.set(Boolean.TRUE);
        try {
            return Uni.createFrom().item(callUnchecked(work));
        } catch (NeedsWorker e) {
            return always(work);
        } finally {
            INLINE.remove();
        }
    }

    /** Always off the I/O thread: for work that blocks whatever is in memory (a blocking HTTP call). */
    public static <T> Uni<T> always(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return Uni.createFrom().item(() -> callUnchecked(work));
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }

    /**
     * The value under this key, built by {@code build} (in the calling thread) when absent; while a preparation runs
     * inline on the I/O thread, only a value already in memory, else {@link NeedsWorker}.
     */
    @SuppressWarnings("unchecked")
    public static <K, V> V cached(Cache cache, K key, Function<K, V> build) {
        if (mustNotBlock()) {
            CompletableFuture<Object> inMemory = cache.as(CaffeineCache.class).getIfPresent(key);
            if (inMemory == null || !inMemory.isDone() || inMemory.isCompletedExceptionally()) {
                throw needsWorker();
            }
            return (V) inMemory.join();
        }
        return cache.get(key, build).await().indefinitely();
    }

    private static <T> T callUnchecked(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
