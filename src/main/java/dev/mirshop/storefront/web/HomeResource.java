package dev.mirshop.storefront.web;

import java.util.List;
import java.util.Optional;

import dev.mirshop.platform.web.PageSkeleton;
import dev.mirshop.platform.web.WorkerThread;
import dev.mirshop.storefront.catalog.CatalogCache;
import dev.mirshop.storefront.catalog.CatalogMenu;
import dev.mirshop.storefront.catalog.CatalogQueries;
import dev.mirshop.storefront.catalog.ProductCard;
import dev.mirshop.storefront.clients.AdView;
import dev.mirshop.storefront.clients.CurrentTeaser;
import dev.mirshop.storefront.clients.TeaserView;
import io.smallrye.mutiny.Uni;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The home page: hero, an ad, category tiles (from the cached menu), a discount teaser and featured cards. */
@Path("/")
public class HomeResource {

    static final int FEATURED = 8;

    @Inject
    CatalogMenu menu;
    @Inject
    CatalogQueries catalog;
    @Inject
    PageAds ads;
    @Inject
    CurrentTeaser teaser;
    @Inject
    CatalogCache cache;
    @Inject
    PageChrome chrome;
    @Inject
    PageHoles holes;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<ProductCard> featured, List<CatalogMenu.MenuItem> categories,
                Optional<AdView> ad, Optional<TeaserView> teaser);
    }

    /** The home page with its holes, and its teaser (prepared through WorkerThread). */
    record HomePage(PageSkeleton html, Optional<TeaserView> teaser) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> home() {
        return WorkerThread.call(() -> {
            chrome.prepare();
            return new HomePage(cache.page("home", () -> Templates.home(
                    cache.get("home-featured", key -> catalog.featured(FEATURED)), menu.categories(), Optional.empty(),
                    Optional.empty())), teaser.get());
        }).flatMap(home -> ads.adFor(List.of()).map(ad -> ads.cacheControl(Response.ok(
                // the ad is decorative: it answers within its budget or falls back, never fails the page
                holes.fill(home.html(), ad, home.teaser()), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))).build()));
    }
}
