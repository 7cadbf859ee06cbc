package dev.mirshop.platform.faults;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Faults from configuration (SHOP_FAULTS, a ConfigMap in Kubernetes, so a scenario can live in Git), applied at
 * startup by the process that owns each fault. A declaration is applied once: a restart does not re-arm a fault
 * whose automatic end has passed (only a changed declaration does), and a fault that an earlier declaration switched
 * on is switched off when it is no longer declared.
 */
@ApplicationScoped
public class FaultDeclarations {

    private static final Logger LOG = Logger.getLogger(FaultDeclarations.class);
    static final String ACTOR_PREFIX = "SHOP_FAULTS ";
    private static final Pattern ENTRY = Pattern.compile(
            "(?<id>[a-z0-9-]+)(?::(?<severity>\\d{1,6}))?(?::(?<duration>\\d{1,5}[smh]))?(?:@(?<version>[A-Za-z0-9._+-]{1,100}))?");

    public record Declaration(Fault fault, int severity, Duration duration, String version, String spec) {
    }

    @Inject
    FaultsConfig config;
    @Inject
    FaultRegistry registry;
    @Inject
    FaultStore store;

    void apply(@Observes @Priority(20) StartupEvent event) {
        if (!registry.enabled()) {
            config.declared().filter(d -> !d.isBlank()).ifPresent(d -> LOG.warnf(
                    "SHOP_FAULTS is set (%s) but faults are disabled here: no fault is switched on", d));
            return;
        }
        Map<Fault, Declaration> declared = parse(config.declared().orElse(""));
        for (Fault fault : registry.actedOn()) {
            try {
                Declaration d = declared.get(fault);
                FaultState current = registry.states().get(fault);
                if (d != null) {
                    String actor = ACTOR_PREFIX + d.spec();
                    boolean alreadyApplied = appliedBefore(fault, actor);
                    if (!alreadyApplied) {
                        registry.switchOn(fault, d.severity(), d.duration(), d.version(), actor, FaultState.SOURCE_CONFIG);
                    }
                } else if (current != null && FaultState.SOURCE_CONFIG.equals(current.source())) {
                    registry.switchOff(fault, "SHOP_FAULTS (no longer declared)", FaultState.SOURCE_CONFIG);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.errorf("Could not apply the SHOP_FAULTS declaration of %s: %s", fault.id, e.getMessage());
            }
        }
    }

    /** Whether this very declaration was applied at some point (then ended or was switched off by an operator). */
    private boolean appliedBefore(Fault fault, String actor) throws SQLException {
        return store.recentEvents(fault.owner, 200).stream().anyMatch(e -> e.fault().equals(fault.id)
                && FaultEvent.ON.equals(e.action()) && actor.equals(e.actor()));
    }

    /** Parses {@code id[:severity][:duration][@version]} entries; a malformed entry is reported and skipped. */
    public static Map<Fault, Declaration> parse(String value) {
        Map<Fault, Declaration> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String raw : value.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            Matcher m = ENTRY.matcher(raw.trim());
            Optional<Fault> fault = m.matches() ? Fault.byId(m.group("id")) : Optional.empty();
            if (fault.isEmpty()) {
                problems.add(raw.trim());
                continue;
            }
            Fault f = fault.get();
            int severity = m.group("severity") == null ? f.defaultSeverity : Integer.parseInt(m.group("severity"));
            Duration duration = m.group("duration") == null ? null : duration(m.group("duration"));
            out.put(f, new Declaration(f, severity, duration, m.group("version"), raw.trim()));
        }
        if (!problems.isEmpty()) {
            LOG.errorf("SHOP_FAULTS: ignored %s (expected id[:severity][:duration][@version], ids: %s)", problems,
                    java.util.Arrays.stream(Fault.values()).map(f -> f.id).toList());
        }
        return out;
    }

    static Duration duration(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
