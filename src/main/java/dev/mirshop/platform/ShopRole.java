package dev.mirshop.platform;

/**
 * The service a process plays. One build runs as any of them (like Loki's -target): {@code all} serves
 * everything in one process, the others serve only their own endpoints. {@code loadgen} is the load generator
 * (platform.loadgen): it walks shopper journeys against a storefront and serves nothing else.
 */
public enum ShopRole {
    all, storefront, discounts, ads, loadgen;

    public boolean serves(ShopRole service) {
        return this == all || this == service;
    }
}
