package dev.mirshop.platform.cache;

import java.util.Arrays;

/** What tests see of the threads around a {@link RefreshAhead}. */
public final class RefreshAheadThreads {

    private RefreshAheadThreads() {
    }

    /** Threads blocked until a load under way ends, rather than loading themselves. */
    public static long waitingForTheLoad() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getState() == Thread.State.BLOCKED)
                .filter(thread -> Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getClassName()
                        .equals(RefreshAhead.class.getName()) && frame.getMethodName().equals("loadNow")))
                .count();
    }
}
