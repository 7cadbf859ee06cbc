package dev.mirshop.storefront.web;

import java.util.Optional;

import dev.mirshop.storefront.catalog.CatalogPages;
import dev.mirshop.storefront.catalog.ProductPages;
import dev.mirshop.storefront.catalog.ProductPages.Found;
import dev.mirshop.storefront.catalog.ProductPages.Key;
import dev.mirshop.storefront.catalog.ProductPages.NotFound;
import dev.mirshop.storefront.web.SharedPages.SharedPage;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** /products/{slug}?variant=: a product with its selected variant, its ad and teaser, or a 404 in the shop layout. */
@Path("/products/{slug}")
public class ProductPageResource {

    /** Every path that cannot name a product shares one page. */
    private static final String NOT_A_PRODUCT = "product-not-found";

    @Inject
    ProductPages products;
    @Inject
    SharedPages pages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> show(@PathParam("slug") String slug, @QueryParam("variant") String variant) {
        Optional<Key> key = Key.of(slug, variant);
        if (key.isEmpty()) {
            return pages.answer(NOT_A_PRODUCT, () -> page(products.productNotFound()));
        }
        return pages.answer(key.get(), () -> page(products.find(key.get())));
    }

    private static SharedPage page(ProductPages.ProductPage page) {
        if (page instanceof Found found) {
            return SharedPage.of(CatalogPages.product(found.view()), found.adContext());
        }
        NotFound notFound = (NotFound) page;
        return SharedPage.problem(404, CatalogPages.problemPage(404, notFound.message(), notFound.suggestions()));
    }
}
