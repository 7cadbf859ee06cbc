package dev.mirshop.storefront.catalog;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.mirshop.platform.web.PageSkeleton;
import dev.mirshop.platform.web.WorkerThread;
import dev.mirshop.storefront.order.OrderPlaced;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.cache.QuteCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * What every shopper sees the same on a catalog page (home, listings, product pages): the page models, built
 * once and shared, and their HTML: whole pages with holes ({@link PageSkeleton}) for the home and product pages,
 * Qute's {@code {#cached}} sections elsewhere. All live a few seconds at most ({@code quarkus.cache.caffeine.
 * "catalog-pages"}, {@code ."page-skeletons"} and {@code ."qute-cache"} in application.properties).
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
    @CacheName("page-skeletons")
    Cache skeletons;

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

    /**
     * The page under this key, rendered with its holes from {@code template} when absent (on a worker thread: see
     * {@link #get}). Keys are per page: a product and variant, or the home page.
     */
    public PageSkeleton page(Object key, Supplier<TemplateInstance> template) {
        return WorkerThread.cached(skeletons, key, k -> PageSkeleton.render(template.get()));
    }

    /** Forgets every page model and fragment, so the next page view reads the catalog again. */
    public void invalidateAll() {
        models.invalidateAll().await().indefinitely();
        skeletons.invalidateAll().await().indefinitely();
        fragments.invalidateAll().await().indefinitely();
    }

    void stockChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderPlaced placed) {
        invalidateAll();
    }
}
