package dev.mirshop.platform.faults;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mirshop.platform.ShopRole;

/**
 * Every failure an operator can switch on (docs/scenarios.md pairs each with the alert it must fire, the panel that
 * shows it and its runbook). A fault belongs to the service that misbehaves: its state lives in that service's
 * database and only processes playing that role act on it. One knob each, the severity, in the fault's unit.
 */
public enum Fault {

    ADS_SLOW("ads-slow", ShopRole.ads, "ms added to every ad selection (and list of targets)", 500, 1, 30_000),
    ADS_FAILING("ads-failing", ShopRole.ads, "% of ad selections (and lists of targets) answered 500", 30, 1, 100),
    ADS_MEMORY_LEAK("ads-memory-leak", ShopRole.ads, "MiB retained per minute (capped)", 120, 1, 1_024),
    BANNERS_SLOW("banners-slow", ShopRole.ads, "ms added to every banner image", 6_000, 1, 30_000),
    DISCOUNTS_DOWN("discounts-down", ShopRole.discounts, "% of discount API requests answered 503", 100, 1, 100),
    PAYMENT_DECLINING("payment-declining", ShopRole.storefront, "% of card payments declined", 100, 1, 100),
    PAYMENT_TIMEOUT("payment-timeout", ShopRole.storefront, "ms the payment gateway takes to answer", 10_000, 1, 60_000),
    DB_SLOW("db-slow", ShopRole.storefront, "% of catalog queries delayed by 1 s in PostgreSQL", 100, 1, 100),
    DB_POOL_EXHAUSTION("db-pool-exhaustion", ShopRole.storefront, "% of the storefront's connection pool held", 100, 1, 100),
    CPU_BURN("cpu-burn", ShopRole.storefront, "ms of CPU burnt by every storefront request", 600, 1, 5_000),
    READINESS_FAILING("readiness-failing", ShopRole.storefront, "readiness probe DOWN (100 = always)", 100, 100, 100),
    STOREFRONT_UNRESPONSIVE("storefront-unresponsive", ShopRole.storefront,
            "s the storefront holds every request (metrics and probes too) before dropping it", 30, 1, 120),
    MAIL_FAILING("mail-failing", ShopRole.storefront, "% of outgoing mails refused as by an SMTP outage", 100, 1, 100),
    BAD_RELEASE("bad-release", ShopRole.storefront, "‰ (per mille) of storefront pages answered 500 by the named version",
            200, 1, 1_000);

    public final String id;
    public final ShopRole owner;
    public final String knob;
    public final int defaultSeverity;
    public final int minSeverity;
    public final int maxSeverity;

    Fault(String id, ShopRole owner, String knob, int defaultSeverity, int minSeverity, int maxSeverity) {
        this.id = id;
        this.owner = owner;
        this.knob = knob;
        this.defaultSeverity = defaultSeverity;
        this.minSeverity = minSeverity;
        this.maxSeverity = maxSeverity;
    }

    /** Severity in per mille rather than percent: a slow availability burn is a few errors in a thousand. */
    public boolean perMille() {
        return this == BAD_RELEASE;
    }

    /** bad-release acts only in the process whose DD_VERSION is the one named when it is switched on. */
    public boolean needsVersion() {
        return this == BAD_RELEASE;
    }

    public static Optional<Fault> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }

    public static List<Fault> ownedBy(ShopRole service) {
        return Arrays.stream(values()).filter(f -> f.owner == service).toList();
    }

    /** The faults a process playing this role acts on (role all: every one). */
    public static List<Fault> actedOnBy(ShopRole role) {
        return Arrays.stream(values()).filter(f -> role.serves(f.owner)).toList();
    }
}
