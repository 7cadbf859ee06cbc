package dev.mirshop.storefront.catalog;

import java.util.List;

/** A taxon with what its page needs around it: the root-first chain (itself last) and its direct children. */
public record TaxonTree(TaxonNode taxon, List<TaxonNode> chain, List<TaxonNode> children) {
}
