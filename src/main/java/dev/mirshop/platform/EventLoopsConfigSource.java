package dev.mirshop.platform;

import java.util.Map;

import io.smallrye.config.common.MapBackedConfigSource;

/**
 * One Vert.x event loop per CPU the process may use (Quarkus defaults to two per CPU). The catalog pages render on
 * the event loops when their ad arrives, so the work there is CPU-bound: more loops than cores only add context
 * switches and tail latency (bench/pages.sh: home p99 27 ms with 4 loops on 2 cores, 18 ms with 2). Below
 * application.properties (250), so QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE or a property still decides.
 */
public class EventLoopsConfigSource extends MapBackedConfigSource {

    static final int ORDINAL = 200;

    public EventLoopsConfigSource() {
        this(Runtime.getRuntime().availableProcessors());
    }

    EventLoopsConfigSource(int cpus) {
        super("shop-event-loops", Map.of("quarkus.vertx.event-loops-pool-size", String.valueOf(Math.max(1, cpus))),
                ORDINAL);
    }
}
