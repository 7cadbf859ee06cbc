package dev.mirshop.storefront.catalog;

import java.util.function.Function;

import dev.mirshop.storefront.order.OrderPlaced;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * The catalog's page models (listing, product with its selected variant, featured cards), built once and shared for
 * a few seconds ({@code quarkus.cache.caffeine."catalog-pages"} in application.properties). They only make fast pages
 * faster: every catalog query is bounded by its page (CatalogQueryPlansTest).
 * <p>
 * While the shop runs, only orders change catalog data (stock), so an order placed by this process drops every
 * model at once and fires {@link CatalogChanged} (the pages' HTML goes with them), and its shopper sees the new
 * stock at the next page; another replica's pages catch up when their entries expire. Nothing that decides is ever
 * read from here: adding to the cart and placing an order read stock from the database.
 */
@ApplicationScoped
public class CatalogCache {

    @Inject
    @CacheName("catalog-pages")
    Cache models;

    @Inject
    Event<CatalogChanged> changed;

    /**
     * The model under this key, built by {@code build} (in the calling thread and transaction) when absent. Blocks:
     * call it on a worker thread (on an I/O thread Mutiny refuses to wait).
     */
    public <K, V> V get(K key, Function<K, V> build) {
        return models.get(key, build).await().indefinitely();
    }

    /** Forgets every page model, and with {@link CatalogChanged} every page made of them. */
    public void invalidateAll() {
        models.invalidateAll().await().indefinitely();
        changed.fire(new CatalogChanged());
    }

    void stockChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderPlaced placed) {
        invalidateAll();
    }
}
