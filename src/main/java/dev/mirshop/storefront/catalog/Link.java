package dev.mirshop.storefront.catalog;

/** A labelled link of a catalog page (breadcrumb, subcategory, active filter to remove). */
public record Link(String label, String url) {
}
