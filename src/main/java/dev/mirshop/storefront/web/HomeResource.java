package dev.mirshop.storefront.web;

import java.util.List;

import dev.mirshop.storefront.catalog.CatalogCache;
import dev.mirshop.storefront.catalog.CatalogMenu;
import dev.mirshop.storefront.catalog.CatalogQueries;
import dev.mirshop.storefront.catalog.ProductCard;
import dev.mirshop.storefront.web.SharedPages.SharedPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
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
    CatalogCache cache;
    @Inject
    SharedPages pages;

    @CheckedTemplate
    static class Templates {
        /** The ad and the teaser are holes ({@link Hole}), filled per view. */
        static native TemplateInstance home(List<ProductCard> featured, List<CatalogMenu.MenuItem> categories);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> home() {
        return pages.answer("home", () -> SharedPage.of(Templates.home(
                cache.get("home-featured", key -> catalog.featured(FEATURED)), menu.categories()), List.of()));
    }
}
