package dev.mirshop.storefront.web;

import java.util.List;
import java.util.Optional;

import dev.mirshop.storefront.catalog.CatalogMenu;
import dev.mirshop.storefront.catalog.CatalogQueries;
import dev.mirshop.storefront.catalog.ProductCard;
import dev.mirshop.storefront.clients.AdView;
import dev.mirshop.storefront.clients.DiscountClient;
import dev.mirshop.storefront.clients.TeaserView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
    DiscountClient discounts;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<ProductCard> featured, List<CatalogMenu.MenuItem> categories,
                Optional<AdView> ad, Optional<TeaserView> teaser);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response home() {
        // ad and teaser are decorative: each answers within its budget or falls back, never fails the page
        TemplateInstance page = Templates.home(catalog.featured(FEATURED), menu.categories(), ads.adFor(List.of()),
                discounts.teaser());
        return ads.cacheControl(Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))).build();
    }
}
