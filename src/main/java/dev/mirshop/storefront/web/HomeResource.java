package dev.mirshop.storefront.web;

import java.util.List;

import dev.mirshop.storefront.catalog.CatalogMenu;
import dev.mirshop.storefront.catalog.CatalogQueries;
import dev.mirshop.storefront.catalog.ProductCard;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The home page: hero, category tiles (from the cached menu) and featured cards in one query. */
@Path("/")
public class HomeResource {

    static final int FEATURED = 8;

    @Inject
    CatalogMenu menu;
    @Inject
    CatalogQueries catalog;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<ProductCard> featured, List<CatalogMenu.MenuItem> categories);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance home() {
        return Templates.home(catalog.featured(FEATURED), menu.categories());
    }
}
