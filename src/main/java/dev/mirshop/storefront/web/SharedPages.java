package dev.mirshop.storefront.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.mirshop.platform.cache.SharedLoads;
import dev.mirshop.storefront.catalog.CatalogChanged;
import dev.mirshop.storefront.catalog.CatalogPages;
import dev.mirshop.storefront.clients.AdView;
import dev.mirshop.storefront.clients.CurrentTeaser;
import dev.mirshop.storefront.clients.TeaserView;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.cache.QuteCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The pages every shopper sees alike but for their {@link Hole}s (home, product pages and the product's 404): the
 * page is rendered once ({@link PageSkeleton}) and kept a few seconds ({@code quarkus.cache.caffeine."page-skeletons"});
 * each request then gets it with its own holes filled ({@link PageHoles}), once its ad has arrived or fallen back.
 * <p>
 * Threads: a page not in memory is built once, on a worker thread (it may read the database; {@link SharedLoads});
 * everything else runs on the request's I/O thread, and waiting for the ad holds no thread. {@link PageRules} says what a shared page may
 * contain. This class also owns the catalog's HTML: when the catalog changes ({@link CatalogChanged}), the pages
 * and Qute's {@code {#cached}} fragments are dropped.
 */
@ApplicationScoped
public class SharedPages {

    @Inject
    @CacheName("page-skeletons")
    Cache pages;
    @Inject
    @CacheName(QuteCache.NAME)
    Cache fragments;
    @Inject
    PageChrome chrome;
    @Inject
    CurrentTeaser teaser;
    @Inject
    PageAds ads;
    @Inject
    PageHoles holes;

    /** A page as every shopper sees it: its status, its HTML with holes, and the taxons its ad is about. */
    public record SharedPage(int status, PageSkeleton html, List<String> adContext) {

        /** A page with its ad targeted at these taxon permalinks (empty: any page). */
        public static SharedPage of(TemplateInstance template, List<String> adContext) {
            return new SharedPage(200, render(template), List.copyOf(adContext));
        }

        /** An error page in the shop's layout (a 404), the same for every shopper but for the header. */
        public static SharedPage problem(int status, TemplateInstance template) {
            return new SharedPage(status, render(template), List.of());
        }

        /** Only templates that PageRules checks as shared pages may be shared. */
        private static PageSkeleton render(TemplateInstance template) {
            String id = template.getTemplate().getId();
            String page = id.endsWith(".html") ? id.substring(0, id.length() - ".html".length()) : id;
            if (!PageRules.SHARED_PAGES.contains(page)) {
                throw new IllegalStateException(id + " is rendered once for every shopper but PageRules does not check"
                        + " it: add it to PageRules.SHARED_PAGES");
            }
            return PageSkeleton.render(template);
        }
    }

    /**
     * The page under {@code key} for this request; {@code build} runs only when the page is not in memory, on a
     * worker thread of this request.
     */
    public Uni<Response> answer(Object key, Supplier<SharedPage> build) {
        Optional<SharedPage> inMemory = SharedLoads.inMemory(pages, key);
        return inMemory.isPresent() ? respond(inMemory.get())
                : SharedLoads.get(pages, key, build::get).flatMap(this::respond);
    }

    private Uni<Response> respond(SharedPage page) {
        PageSkeleton html = page.html();
        // decorative: within budget, or the last good answer, or nothing; never an error
        Uni<Optional<AdView>> ad = html.has(Hole.AD) ? ads.adFor(page.adContext()) : Uni.createFrom().item(Optional.empty());
        boolean headerKnown = !html.has(Hole.ACCOUNT_LINKS) || chrome.cartCountKnown();
        Optional<Optional<TeaserView>> teaserNow = html.has(Hole.TEASER) ? teaser.inMemory()
                : Optional.of(Optional.empty());
        if (headerKnown && teaserNow.isPresent()) {
            // the usual case: only the ad is waited for
            return ad.map(adView -> filled(page, adView, teaserNow.get()));
        }
        Uni<Integer> header = headerKnown ? Uni.createFrom().item(0) : chrome.loadCartCount();
        Uni<Optional<TeaserView>> teaserView = teaserNow.map(t -> Uni.createFrom().item(t)).orElseGet(teaser::get);
        return Uni.combine().all().unis(header, teaserView, ad).asTuple()
                .map(parts -> filled(page, parts.getItem3(), parts.getItem2()));
    }

    private Response filled(SharedPage page, Optional<AdView> ad, Optional<TeaserView> teaserView) {
        return ads.cacheControl(Response.status(page.status()).entity(holes.fill(page.html(), ad, teaserView))
                .type(CatalogPages.HTML)).build();
    }

    void catalogChanged(@Observes CatalogChanged changed) {
        pages.invalidateAll().await().indefinitely();
        fragments.invalidateAll().await().indefinitely();
    }
}
