package dev.mirshop.storefront.catalog;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** /products: all products, or a full-text search with ?keywords= (a product's own page: storefront.web.ProductPageResource). */
@Path("/products")
public class ProductsResource {

    @Inject
    CatalogQueries catalog;
    @Inject
    CatalogMenu menu;
    @Inject
    CatalogCache cache;
    @Inject
    FacetDirectory facetDirectory;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@Context UriInfo uri) {
        ListingQuery query;
        try {
            query = ListingParams.parse(uri.getQueryParameters());
        } catch (InvalidListingRequest e) {
            return CatalogPages.problem(400, e.getMessage(), List.of());
        }
        ListingView view = cache.get(new ListingView.Key("/products", query), key -> productsListing(key.query()));
        return Response.ok(CatalogPages.listing(view)).type(CatalogPages.HTML).build();
    }

    private ListingView productsListing(ListingQuery asked) {
        OptionFacets facets = facetDirectory.facets(CatalogQueries.ALL_PRODUCTS);
        ListingQuery query = asked;
        ListingPage page = catalog.listing(query, CatalogQueries.ALL_PRODUCTS, facets);
        ListingView.Correction correction = null;
        if (query.search() && page.total() == 0 && query.page() == 1) {
            // typo tolerance: nothing matched, so try the catalog's closest words, and say so
            Optional<String> corrected = catalog.correction(query.keywords()).filter(c -> !c.equals(asked.keywords()));
            if (corrected.isPresent()) {
                ListingQuery retry = query.withKeywords(corrected.get());
                ListingPage retried = catalog.listing(retry, CatalogQueries.ALL_PRODUCTS, facets);
                if (retried.total() > 0) {
                    query = retry;
                    page = retried;
                    correction = new ListingView.Correction(asked.keywords(), retry.keywords(),
                            "/products" + ListingParams.queryString(retry));
                }
            }
        }
        String title = query.search() ? "Results for “" + query.keywords() + "”" : "All products";
        String description = query.search() ? "Products matching " + query.keywords() + " at MIR Shop."
                : "Every shirt, t-shirt, bag and mug at MIR Shop.";
        List<Link> breadcrumbs = List.of(new Link("Home", "/"), new Link("All products", "/products"));
        return ListingView.of(title, description, "/products", null, breadcrumbs, List.of(), query, page,
                facets, page.cards().isEmpty() ? menu.categories() : List.of(), correction);
    }
}
