package dev.mirshop.storefront.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.mirshop.platform.web.WorkerThread;
import dev.mirshop.storefront.catalog.ProductDetails.VariantData;
import dev.mirshop.storefront.web.SharedPages;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** /products (all products, or a full-text search with ?keywords=) and /products/{slug}. */
@Path("/products")
public class ProductsResource {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,200}");
    private static final Pattern VARIANT_ID = Pattern.compile("\\d{1,18}");
    static final int RELATED = 4;

    @Inject
    CatalogQueries catalog;
    @Inject
    CatalogMenu menu;
    @Inject
    CatalogCache cache;
    @Inject
    SharedPages pages;

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

    @GET
    @Path("{slug}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> show(@PathParam("slug") String slug, @QueryParam("variant") String variantParam) {
        return WorkerThread.call(() -> productPage(slug, variantParam)).flatMap(page -> page.problem() != null
                ? Uni.createFrom().item(page.problem())
                : pages.respond(page.prepared(), adContext(page.view().product())));
    }

    /** The product page before its ad, or the 404 page to answer instead (prepared through WorkerThread). */
    private record ProductPage(ProductView view, SharedPages.Prepared prepared, Response problem) {
        static ProductPage problem(Response problem) {
            return new ProductPage(null, null, problem);
        }
    }

    private ProductPage productPage(String slug, String variantParam) {
        if (!SLUG.matcher(slug).matches()) {
            return ProductPage.problem(productNotFound());
        }
        Long variantId = null;
        if (variantParam != null && !variantParam.isBlank()) {
            if (!VARIANT_ID.matcher(variantParam.strip()).matches()) {
                return ProductPage.problem(variantNotFound(slug));
            }
            variantId = Long.parseLong(variantParam.strip());
        }
        ProductPageKey key = new ProductPageKey(slug, variantId);
        Optional<ProductView> view = cache.get(key, this::productView);
        if (view.isEmpty()) {
            return ProductPage.problem(variantId == null ? productNotFound() : variantNotFound(slug));
        }
        return new ProductPage(view.get(),
                pages.prepare(key, () -> CatalogPages.product(view.get(), Optional.empty(), Optional.empty())), null);
    }

    private ListingView productsListing(ListingQuery asked) {
        OptionFacets facets = catalog.facets(CatalogQueries.ALL_PRODUCTS);
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

    /** A product page as every shopper sees it, for the default variant (null) or one variant; empty if unknown. */
    record ProductPageKey(String slug, Long variantId) {
    }

    private Optional<ProductView> productView(ProductPageKey key) {
        ProductDetails product = catalog.product(key.slug()).orElse(null);
        if (product == null || product.variants().isEmpty()) {
            return Optional.empty();
        }
        VariantData selected = key.variantId() == null ? VariantPicker.defaultVariant(product.variants())
                : VariantPicker.find(product.variants(), key.variantId()).orElse(null);
        if (selected == null) {
            return Optional.empty();
        }
        String url = "/products/" + product.slug();
        List<Link> breadcrumbs = new ArrayList<>();
        breadcrumbs.add(new Link("Home", "/"));
        if (product.taxonPermalink() != null) {
            StringBuilder path = new StringBuilder();
            for (String part : product.taxonPermalink().split("/")) {
                path.append(path.length() == 0 ? "" : "/").append(part);
                String p = path.toString();
                breadcrumbs.add(new Link(menu.nameOf(p).orElse(part), "/t/" + p));
            }
        }
        Link brand = product.brandPermalink() == null ? null : new Link(product.brandName(), "/t/" + product.brandPermalink());
        return Optional.of(new ProductView(product, new ProductView.Selected(selected),
                VariantPicker.pickers(url, product.variants(), selected),
                VariantPicker.gallery(product.images(), selected), breadcrumbs, brand, product.properties(),
                catalog.related(product.id(), product.taxonId(), RELATED)));
    }

    private Response productNotFound() {
        return CatalogPages.problem(404, "We could not find this product. It may have been renamed or removed.",
                menu.categories());
    }

    private Response variantNotFound(String slug) {
        Optional<ProductView> product = cache.get(new ProductPageKey(slug, null), this::productView);
        if (product.isEmpty()) {
            return productNotFound();
        }
        return CatalogPages.problem(404, "This option of " + product.get().product().name()
                + " does not exist. Choose a size or color on the product page.", List.of());
    }

    /** The ad service targets by taxon permalink (it also matches ancestors): the product's category and brand. */
    static List<String> adContext(ProductDetails product) {
        List<String> context = new ArrayList<>(2);
        if (product.taxonPermalink() != null) {
            context.add(product.taxonPermalink());
        }
        if (product.brandPermalink() != null) {
            context.add(product.brandPermalink());
        }
        return context;
    }
}
