package dev.mirshop.storefront.catalog;

/** A taxon as pages show it, read without entities; its id keys the listing read model. */
public record TaxonNode(int id, String name, String permalink, String description, String icon) {

    public int depth() {
        return permalink.split("/").length;
    }
}
