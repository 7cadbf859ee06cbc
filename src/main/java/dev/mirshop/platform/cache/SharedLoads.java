package dev.mirshop.platform.cache;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * A cache read for code on an I/O thread ({@link Cache#getAsync}): the value at once when it is in memory, else loaded
 * once, on a worker thread of the asking request (the load may block), while every other request for the key waits
 * for that load without holding a thread.
 * <p>
 * The load is shared, so the asking request must not be able to cancel it: {@code getAsync} cancels the cache's
 * future when its subscriber cancels (a shopper who closes the tab), and everyone waiting for the same key would get
 * a {@code CancellationException} (a 500). Here each request subscribes to the shared load on its own.
 */
public final class SharedLoads {

    private SharedLoads() {
    }

    public static <K, V> Uni<V> get(Cache cache, K key, Callable<V> blockingLoad) {
        Optional<V> now = inMemory(cache, key);
        if (now.isPresent()) {
            return Uni.createFrom().item(now.get());
        }
        return Uni.createFrom().emitter(waiter -> cache.<K, V> getAsync(key, k -> VertxContextSupport.executeBlocking(blockingLoad))
                .subscribe().with(waiter::complete, waiter::fail));
    }

    /**
     * The value if it is loaded now (no load started, nothing waited for): the usual case on a busy page, answered
     * without any of the asynchronous machinery.
     */
    public static <K, V> Optional<V> inMemory(Cache cache, K key) {
        CompletableFuture<V> value = cache.as(CaffeineCache.class).getIfPresent(key);
        if (value == null || !value.isDone() || value.isCompletedExceptionally() || value.isCancelled()) {
            return Optional.empty();
        }
        return Optional.ofNullable(value.getNow(null));
    }
}
