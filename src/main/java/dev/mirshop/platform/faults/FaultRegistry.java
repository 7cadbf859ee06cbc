package dev.mirshop.platform.faults;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The one place that knows which faults are on. A process acts on the faults of the services it plays; their state is
 * read from those services' databases every {@code shop.faults.refresh}, and a fault whose end (on the shop's clock)
 * has passed is off at once here and removed from the database by the next refresh. Without
 * {@code shop.faults.enabled} nothing is ever on and nothing is read.
 */
@ApplicationScoped
public class FaultRegistry {

    private static final Logger LOG = Logger.getLogger(FaultRegistry.class);
    /** On the classpath of every build but the production artifact (-Dproduction leaves it out, see pom.xml). */
    static final String LAB_BUILD_MARKER = "faults/lab-build.txt";

    @Inject
    FaultsConfig config;
    @Inject
    ShopConfig shop;
    @Inject
    FaultStore store;
    @Inject
    FaultTelemetry telemetry;
    @Inject
    Clock clock;

    private volatile Map<Fault, FaultState> states = Map.of();
    /**
     * Switches and refreshes change {@link #states} under this lock. A refresh that read the databases before a switch
     * committed would otherwise put back what the switch had just changed (a fault switched off coming back until the
     * next refresh): it installs what it read only if no switch came in between.
     */
    private final Object changing = new Object();
    private long switches; // guarded by changing
    private final boolean labBuild = isLabBuild(FaultRegistry.class.getClassLoader());

    void start(@Observes @Priority(10) StartupEvent event) {
        telemetry.register(actedOn(), this);
        if (config.enabled() && !labBuild) {
            LOG.warn("SHOP_FAULTS_ENABLED=true is ignored: this is the production artifact, in which no fault can be"
                    + " switched on");
        }
        if (enabled()) {
            refresh();
        }
    }

    /** Faults can be switched on here: SHOP_FAULTS_ENABLED=true, and not the production artifact. */
    public boolean enabled() {
        return labBuild && config.enabled();
    }

    static boolean isLabBuild(ClassLoader classLoader) {
        return classLoader.getResource(LAB_BUILD_MARKER) != null;
    }

    /** The faults this process acts on (those of the services it plays). */
    public List<Fault> actedOn() {
        return Fault.actedOnBy(shop.role());
    }

    public boolean actsOn(Fault fault) {
        return shop.role().serves(fault.owner);
    }

    /** The fault's state if it is on in this process right now. */
    public Optional<FaultState> active(Fault fault) {
        FaultState state = states.get(fault);
        return state != null && enabled() && state.activeAt(clock.instant()) ? Optional.of(state) : Optional.empty();
    }

    public boolean activeNow(Fault fault) {
        return active(fault).isPresent();
    }

    /** Cheap check for the request path: is anything on at all? */
    public boolean anyActive() {
        return !states.isEmpty() && enabled();
    }

    public Map<Fault, FaultState> states() {
        return states;
    }

    /** Switches a fault on (or changes its severity or end); the duration is capped at shop.faults.max-duration. */
    public FaultState switchOn(Fault fault, int severity, Duration duration, String version, String actor, String source) {
        requireEnabledAndOwned(fault);
        if (severity < fault.minSeverity || severity > fault.maxSeverity) {
            throw new IllegalArgumentException("severity of " + fault.id + " must be " + fault.minSeverity + " to "
                    + fault.maxSeverity + " (" + fault.knob + ")");
        }
        if (fault.needsVersion() && (version == null || version.isBlank())) {
            throw new IllegalArgumentException(fault.id + " needs the version that misbehaves (its DD_VERSION)");
        }
        Duration asked = duration == null ? config.defaultDuration() : duration;
        if (asked.isNegative() || asked.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
        Duration capped = asked.compareTo(config.maxDuration()) > 0 ? config.maxDuration() : asked;
        Instant now = clock.instant();
        FaultState state = new FaultState(fault, severity, fault.needsVersion() ? version.trim() : null, now,
                now.plus(capped), actor, source);
        try {
            store.save(state);
        } catch (SQLException e) {
            throw new IllegalStateException("could not record fault " + fault.id, e);
        }
        synchronized (changing) {
            Map<Fault, FaultState> next = copy();
            next.put(fault, state);
            states = Map.copyOf(next);
            switches++;
        }
        telemetry.switched(new FaultEvent(now, fault.id, FaultEvent.ON, severity, state.targetVersion(), state.endsAt(),
                actor, source));
        return state;
    }

    /** Switches a fault off; false when it was not on. */
    public boolean switchOff(Fault fault, String actor, String source) {
        requireEnabledAndOwned(fault);
        Instant now = clock.instant();
        boolean removed;
        try {
            removed = store.remove(fault, now, FaultEvent.OFF, actor, source, null);
        } catch (SQLException e) {
            throw new IllegalStateException("could not record fault " + fault.id, e);
        }
        synchronized (changing) {
            Map<Fault, FaultState> next = copy();
            next.remove(fault);
            states = Map.copyOf(next);
            switches++;
        }
        if (removed) {
            telemetry.switched(new FaultEvent(now, fault.id, FaultEvent.OFF, null, null, null, actor, source));
        }
        return removed;
    }

    /** Reads the faults of this process's services from their databases and ends those whose time is up. */
    @Scheduled(every = "${shop.faults.refresh:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = FaultsDisabled.class)
    void refresh() {
        long switchesBefore;
        synchronized (changing) {
            switchesBefore = switches;
        }
        Map<Fault, FaultState> next = new EnumMap<>(Fault.class);
        Instant now = clock.instant();
        for (ShopRole service : List.of(ShopRole.storefront, ShopRole.ads, ShopRole.discounts)) {
            if (!shop.role().serves(service)) {
                continue;
            }
            try {
                for (FaultState state : store.load(service)) {
                    if (state.activeAt(now)) {
                        next.put(state.fault(), state);
                    } else if (store.remove(state.fault(), now, FaultEvent.AUTO_OFF, "shop", "clock", now)) {
                        telemetry.switched(new FaultEvent(now, state.fault().id, FaultEvent.AUTO_OFF, null, null, null,
                                "shop", "clock"));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Could not read the faults of the %s service: %s (keeping the last known state)", service,
                        e.toString());
                states.values().stream().filter(s -> s.fault().owner == service).forEach(s -> next.put(s.fault(), s));
            }
        }
        synchronized (changing) {
            if (switches == switchesBefore) {
                states = next.isEmpty() ? Map.of() : Map.copyOf(next);
            } // else a switch came in while reading: the next refresh reads it back
        }
    }

    public List<FaultEvent> recentEvents(ShopRole service, int limit) {
        try {
            return store.recentEvents(service, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the fault history of " + service, e);
        }
    }

    private void requireEnabledAndOwned(Fault fault) {
        if (!enabled()) {
            throw new FaultsDisabledException();
        }
        if (!actsOn(fault)) {
            throw new IllegalArgumentException(fault.id + " belongs to the " + fault.owner + " service, not to this process ("
                    + shop.role() + ")");
        }
    }

    private Map<Fault, FaultState> copy() {
        Map<Fault, FaultState> next = new EnumMap<>(Fault.class);
        next.putAll(states);
        return next;
    }

    /** Skips the scheduled refresh when faults are disabled. */
    @ApplicationScoped
    public static class FaultsDisabled implements Scheduled.SkipPredicate {
        @Inject
        FaultRegistry registry;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !registry.enabled();
        }
    }

    /** Faults are refused: SHOP_FAULTS_ENABLED is not true in this process. */
    public static class FaultsDisabledException extends RuntimeException {
        public FaultsDisabledException() {
            super("Faults are disabled in this process (SHOP_FAULTS_ENABLED is not true, or this is the production"
                    + " artifact)", null, false, false);
        }
    }
}
