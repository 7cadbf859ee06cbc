package dev.mirshop.storefront.catalog;

/**
 * Fired (synchronously) when the catalog's cached models are dropped, after an order took stock or the demo catalog
 * was generated: whoever keeps HTML made from them (storefront.web.SharedPages) drops it too.
 */
public record CatalogChanged() {
}
