package dev.mirshop.storefront.catalog;

/** A taxon as pages show it, read without entities. */
public record TaxonNode(String name, String permalink, String description, String icon) {

    public int depth() {
        return permalink.split("/").length;
    }
}
