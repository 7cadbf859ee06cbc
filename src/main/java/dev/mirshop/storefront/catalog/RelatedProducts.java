package dev.mirshop.storefront.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mirshop.platform.cache.RefreshAhead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What a product page suggests: other products of its category, featured first, then newest. They are the same for
 * every product of the category but the product itself, so each category's are read once, one more than a page
 * shows, and kept like its facet counts ({@link FacetDirectory}): read again in the background once older than
 * {@value #TTL_SECONDS} s ({@link RefreshAhead}), and at once after an order or any other catalog change
 * ({@link CatalogChanged}: a sold-out badge shows at the next page). A product page then sends one statement, its
 * product's, where it sent two.
 */
@ApplicationScoped
public class RelatedProducts {

    static final int TTL_SECONDS = 10;
    private static final Duration TTL = Duration.ofSeconds(TTL_SECONDS);

    @Inject
    CatalogQueries catalog;

    private final Map<Integer, RefreshAhead<List<ProductCard>>> byTaxon = new ConcurrentHashMap<>();

    /** Up to {@code ProductPages.RELATED} products of the taxon other than this one; none without a taxon. Blocks. */
    List<ProductCard> of(String slug, Integer taxonId) {
        if (taxonId == null) {
            return List.of();
        }
        List<ProductCard> cards = byTaxon.computeIfAbsent(taxonId, id -> new RefreshAhead<>(
                "The related products of taxon " + id, TTL, () -> catalog.related(id, ProductPages.RELATED + 1))).get();
        return cards.stream().filter(card -> !card.slug().equals(slug)).limit(ProductPages.RELATED).toList();
    }

    void catalogChanged(@Observes CatalogChanged changed) {
        byTaxon.clear();
    }
}
