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
 * (db-pool-exhaustion) and memory retained by the ad service (ads-memory-leak, never more than
 * shop.faults.leak-cap-mib: 256 MiB by default, enough to push a pod at its 512 Mi limit into OOMKilled restarts in the
 * cluster; tests and the ops lab set a small cap so they never run out of memory). Both let go as soon as their fault
 * is off.
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
            leaked.clear();
            return;
        }
        long cap = (long) config.leakCapMib() * MIB;
        int perSecond = Math.max(1, leak.get().severity() / 60);
        for (int i = 0; i < perSecond && (long) (leaked.size() + 1) * MIB <= cap; i++) {
            byte[] chunk = new byte[MIB];
            for (int j = 0; j < chunk.length; j += 4096) {
                chunk[j] = (byte) j; // touched, so the pages are real
            }
            leaked.add(chunk);
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
