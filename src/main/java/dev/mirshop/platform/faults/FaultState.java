package dev.mirshop.platform.faults;

import java.time.Instant;

/** A fault that is switched on: how hard, since when, until when (on the shop's clock), by whom. */
public record FaultState(Fault fault, int severity, String targetVersion, Instant startedAt, Instant endsAt,
        String changedBy, String source) {

    public static final String SOURCE_OPERATOR = "operator";
    public static final String SOURCE_CONFIG = "config";

    public boolean activeAt(Instant now) {
        return now.isBefore(endsAt);
    }
}
