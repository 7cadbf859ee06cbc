package dev.mirshop.platform.lifecycle;

/**
 * Something a process holds in memory or does in the background that must be finished when the process stops: the
 * ad service's impressions counted between flushes, the order-mail outbox's sender. Every {@code @ApplicationScoped}
 * bean of this type is finished once by {@link OrderlyShutdown}, after the HTTP server has drained its requests (no
 * new work can arrive) and before the datasources close (the work can still be written).
 * <p>
 * This is the one way to register such work: implement it, nothing else (no {@code @PreDestroy}, no shutdown hook,
 * no {@code ShutdownEvent} observer of its own, which run too late or in no defined order). Keep what is held between
 * two writes bounded by an interval, since SIGKILL runs nothing (docs/deploy.md, "Stopping a pod").
 */
public interface BackgroundWork {

    /**
     * Writes what is held and completes what is under way, on the calling thread. Answers what was done, for the
     * shutdown log ("wrote 42 impressions of 3 ads"); throws when the work could not be finished (it is then lost,
     * and the log says how much).
     */
    String finish();
}
