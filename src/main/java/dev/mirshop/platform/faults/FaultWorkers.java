package dev.mirshop.platform.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.mirshop.platform.lifecycle.BackgroundWork;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The faults that act in the background, checked every second: connections of the storefront's pool held idle
 * (db-pool-exhaustion) and memory retained by the ad service (ads-memory-leak: its severity in MiB per minute, never
 * more than shop.faults.leak-cap-mib: 256 MiB by default, the whole heap of a pod at its 512 Mi limit, so the pod dies of
 * OutOfMemoryError and restarts; tests and the ops lab set a smaller cap, docs/scenarios.md). Both let go as soon as
 * their fault is off.
 */
@ApplicationScoped
public class FaultWorkers implements BackgroundWork {

    private static final Logger LOG = Logger.getLogger(FaultWorkers.class);
    static final int MIB = 1024 * 1024;

    @Inject
    FaultRegistry registry;
    @Inject
    FaultStore store;
    @Inject
    FaultsConfig config;
    @Inject
    HeldConnections held;
    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size", defaultValue = "20")
    int poolMax;

    private final List<byte[]> leaked = new ArrayList<>();
    /** Sixtieths of a MiB owed to the leak: each second adds its severity, so 30 is one MiB every two seconds. */
    private long leakOwed;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = FaultRegistry.FaultsDisabled.class)
    synchronized void tick() {
        holdConnections();
        leakMemory();
    }

    private void holdConnections() {
        int wanted = registry.active(Fault.DB_POOL_EXHAUSTION)
                .map(s -> (int) Math.ceil(poolMax * s.severity() / 100.0)).orElse(0);
        while (held.size() > wanted) {
            Optional<Connection> idle = held.release();
            if (idle.isEmpty()) {
                return; // the rest is lent to the fault store: let go of it next second
            }
            close(idle.get());
        }
        while (held.size() < wanted) {
            try {
                held.hold(store.pool(dev.mirshop.platform.ShopRole.storefront).getConnection());
            } catch (SQLException | RuntimeException e) {
                return; // the pool is empty: what the fault is for; try again next second
            }
        }
    }

    private void leakMemory() {
        var leak = registry.active(Fault.ADS_MEMORY_LEAK);
        if (leak.isEmpty()) {
            releaseLeak();
            return;
        }
        long cap = (long) config.leakCapMib() * MIB;
        leakOwed += leak.get().severity();
        for (; leakOwed >= 60; leakOwed -= 60) {
            if ((long) (leaked.size() + 1) * MIB > cap) {
                leakOwed = 0;
                return;
            }
            byte[] chunk = new byte[MIB];
            for (int j = 0; j < chunk.length; j += 4096) {
                chunk[j] = (byte) j; // touched, so the pages are real
            }
            leaked.add(chunk);
        }
    }

    /**
     * Lets go of what the leak retained, and collects it at once: the heap gauges (jvm_gc_live_data_size_bytes) change
     * only at a full collection, which a quiet process may not run for many minutes, and MirShopHeapNearlyFull should
     * resolve when the fault ends, not when the next one comes.
     */
    private void releaseLeak() {
        leakOwed = 0;
        if (!leaked.isEmpty()) {
            leaked.clear();
            System.gc();
        }
    }

    int heldConnections() {
        return held.size();
    }

    int leakedMib() {
        return leaked.size();
    }

    @Override
    public synchronized String finish() {
        List<Connection> all = held.releaseAll();
        int connections = all.size();
        all.forEach(FaultWorkers::close);
        leaked.clear();
        leakOwed = 0;
        return "gave back " + connections + " connections held by the pool-exhaustion fault";
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debugf("closing a held connection: %s", e.toString());
        }
    }
}
