package dev.mirshop.storefront.clients;

import java.util.Optional;

import dev.mirshop.platform.cache.SharedLoads;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The discount teaser the pages show. It is the same for every shopper and changes when a marketer edits codes,
 * so the storefront asks the discount service at most once every few seconds
 * ({@code quarkus.cache.caffeine."discount-teaser".expire-after-write}) instead of once per page view; concurrent
 * page views wait for the one call in flight. Whatever {@link DiscountClient#teaser()} answered (the service's
 * teaser, its last good one, or none) is kept for that long.
 */
@ApplicationScoped
public class CurrentTeaser {

    private static final String KEY = "teaser";

    @Inject
    DiscountClient client;

    @Inject
    @CacheName("discount-teaser")
    Cache cache;

    /** The teaser in memory at once, or asked of the service on a worker thread (the client blocks). */
    public Uni<Optional<TeaserView>> get() {
        return SharedLoads.get(cache, KEY, client::teaser);
    }

    /** The teaser if it is in memory now (empty: it must be asked for, with {@link #get()}). */
    public Optional<Optional<TeaserView>> inMemory() {
        return SharedLoads.inMemory(cache, KEY);
    }

    /** The next page asks the service again. */
    public void forget() {
        cache.invalidateAll().await().indefinitely();
    }
}
