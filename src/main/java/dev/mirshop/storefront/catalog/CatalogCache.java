package dev.mirshop.storefront.catalog;

import java.util.function.Function;

import dev.mirshop.platform.web.WorkerThread;
import dev.mirshop.storefront.order.OrderPlaced;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.qute.cache.QuteCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * What every shopper sees the same on a catalog page (home, listings, product pages): the page models, built
 * once and shared, and their HTML, kept by Qute's {@code {#cached}} sections. Both live a few seconds at most
 * ({@code quarkus.cache.caffeine."catalog-pages"} and {@code ."qute-cache"} in application.properties).
 * <p>
 * While the shop runs, only orders change catalog data (stock), so an order placed by this process drops both at
 * once, and its shopper sees the new stock at the next page; another replica's pages catch up when their entries
 * expire. Nothing that decides is ever read from here: adding to the cart and placing an order read stock from the
 * database. What differs per shopper (cart count, login, CSRF token, ad, teaser) is never cached.
 */
@ApplicationScoped
public class CatalogCache {

    @Inject
    @CacheName("catalog-pages")
    Cache models;

    @Inject
    @CacheName(QuteCache.NAME)
    Cache fragments;

    /**
     * The model under this key, built by {@code build} (in the calling thread and transaction) when absent; on the
     * I/O thread an absent model asks for a worker ({@link WorkerThread}) instead.
     */
    public <K, V> V get(K key, Function<K, V> build) {
        return WorkerThread.cached(models, key, build);
    }

    /** Forgets every page model and fragment, so the next page view reads the catalog again. */
    public void invalidateAll() {
        models.invalidateAll().await().indefinitely();
        fragments.invalidateAll().await().indefinitely();
    }

    void stockChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderPlaced placed) {
        invalidateAll();
    }
}
