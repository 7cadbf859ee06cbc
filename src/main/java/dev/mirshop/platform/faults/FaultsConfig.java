package dev.mirshop.platform.faults;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the faults (docs/scenarios.md). Off unless SHOP_FAULTS_ENABLED=true; never on in production overlays. */
@ConfigMapping(prefix = "shop.faults")
public interface FaultsConfig {

    /** SHOP_FAULTS_ENABLED: without it every fault API answers 403 and the operator page is not there. */
    @WithDefault("false")
    boolean enabled();

    /**
     * SHOP_FAULTS: faults this process switches on at startup, comma-separated {@code id[:severity][:duration][@version]},
     * e.g. {@code ads-slow:800:10m,bad-release:20:15m@2.0.1}. Faults that an earlier declaration switched on and that
     * are no longer declared are switched off, so the list in Git is what runs.
     */
    Optional<String> declared();

    /** How long a fault lasts when the operator does not say. */
    @WithDefault("15M")
    Duration defaultDuration();

    /** The longest a fault may last: it switches itself off then, whatever was asked. */
    @WithDefault("60M")
    Duration maxDuration();

    /** How often a process reads the faults of its services from their databases (other replicas' switches). */
    @WithDefault("2S")
    Duration refresh();

    /** Where the operator page reaches the storefront's fault API: this process (the console is the storefront's). */
    @WithDefault("http://loopback")
    String storefrontUrl();

    /** The memory leak never retains more than this (SHOP_FAULTS_LEAK_CAP_MIB). */
    @WithDefault("256")
    int leakCapMib();
}
