package dev.mirshop.platform;

/**
 * The service a process plays. One build runs as any of them (like Loki's -target): {@code all} serves
 * everything in one process, the others serve only their own endpoints.
 */
public enum ShopRole {
    all, storefront, discounts, ads;

    public boolean serves(ShopRole service) {
        return this == all || this == service;
    }
}
