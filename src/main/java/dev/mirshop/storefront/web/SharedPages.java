package dev.mirshop.storefront.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.mirshop.platform.web.PageSkeleton;
import dev.mirshop.storefront.catalog.CatalogCache;
import dev.mirshop.storefront.catalog.CatalogPages;
import dev.mirshop.storefront.clients.CurrentTeaser;
import dev.mirshop.storefront.clients.TeaserView;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The pages with an ad (home, product): one page for every shopper, kept with its holes ({@link PageSkeleton}),
 * answered once this view's ad has arrived, with this shopper's header, tokens, ad and teaser in the holes.
 */
@ApplicationScoped
public class SharedPages {

    @Inject
    CatalogCache cache;
    @Inject
    PageChrome chrome;
    @Inject
    CurrentTeaser teaser;
    @Inject
    PageAds ads;
    @Inject
    PageHoles holes;

    /** What a page needs before its ad: the page with its holes and the teaser. */
    public record Prepared(PageSkeleton html, Optional<TeaserView> teaser) {
    }

    /**
     * Run through {@link dev.mirshop.platform.web.WorkerThread}: the page under {@code key}, rendered from
     * {@code template} (ad and teaser left out: they are holes) when it is not in memory.
     */
    public Prepared prepare(Object key, Supplier<TemplateInstance> template) {
        chrome.prepare();
        return new Prepared(cache.page(key, template), teaser.get());
    }

    /** The page for this view, once its ad (for a page about these taxons) has arrived or fallen back. */
    public Uni<Response> respond(Prepared page, List<String> adContext) {
        // decorative: within budget or the last good answer or nothing, never an error
        return ads.adFor(adContext).map(ad -> ads.cacheControl(
                Response.ok(holes.fill(page.html(), ad, page.teaser()), CatalogPages.HTML)).build());
    }
}
