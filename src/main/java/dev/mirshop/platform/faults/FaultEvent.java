package dev.mirshop.platform.faults;

import java.time.Instant;

/** One line of a service's fault history (table fault_events): every switch, by whom, from where. */
public record FaultEvent(Instant at, String fault, String action, Integer severity, String targetVersion,
        Instant endsAt, String actor, String source) {

    public static final String ON = "on";
    public static final String OFF = "off";
    public static final String AUTO_OFF = "auto-off";
}
