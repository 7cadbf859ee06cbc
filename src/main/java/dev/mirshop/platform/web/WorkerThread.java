package dev.mirshop.platform.web;

import java.util.concurrent.Callable;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs the blocking part of a non-blocking endpoint (database reads) on a worker thread, in the request's own
 * Vert.x context, so its CDI request context, security identity and transaction support come along; the result is
 * delivered back on the request's I/O thread. A page that then waits for another service renders on that I/O
 * thread when the answer arrives, instead of holding a worker and being handed back to one.
 */
public final class WorkerThread {

    private WorkerThread() {
    }

    public static <T> Uni<T> call(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return Uni.createFrom().item(() -> {
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }
}
