package dev.mirshop.storefront.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.mirshop.storefront.catalog.ProductDetails.VariantData;
import dev.mirshop.storefront.web.PageAds;
import dev.mirshop.storefront.clients.DiscountClient;
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
    OptionFacets facets;
    @Inject
    PageAds pageAds;
    @Inject
    DiscountClient discounts;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@Context UriInfo uri) {
        ListingQuery query;
        try {
            query = ListingParams.parse(uri.getQueryParameters());
        } catch (InvalidListingRequest e) {
            return CatalogPages.problem(400, e.getMessage(), List.of());
        }
        ListingPage page = catalog.listing(query);
        String title = query.search() ? "Results for “" + query.keywords() + "”" : "All products";
        String description = query.search() ? "Products matching " + query.keywords() + " at MIR Shop."
                : "Every shirt, t-shirt, bag and mug at MIR Shop.";
        List<Link> breadcrumbs = List.of(new Link("Home", "/"), new Link("All products", "/products"));
        ListingView view = ListingView.of(title, description, "/products", null, breadcrumbs, List.of(), query, page,
                facets.types(null), page.cards().isEmpty() ? menu.categories() : List.of());
        return Response.ok(CatalogPages.listing(view)).type(CatalogPages.HTML).build();
    }

    @GET
    @Path("{slug}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("slug") String slug, @QueryParam("variant") String variantParam) {
        ProductDetails product = SLUG.matcher(slug).matches() ? catalog.product(slug).orElse(null) : null;
        if (product == null || product.variants().isEmpty()) {
            return CatalogPages.problem(404, "We could not find this product. It may have been renamed or removed.",
                    menu.categories());
        }
        VariantData selected;
        if (variantParam == null || variantParam.isBlank()) {
            selected = VariantPicker.defaultVariant(product.variants());
        } else {
            selected = VARIANT_ID.matcher(variantParam.strip()).matches()
                    ? VariantPicker.find(product.variants(), Long.parseLong(variantParam.strip())).orElse(null)
                    : null;
            if (selected == null) {
                return CatalogPages.problem(404, "This option of " + product.name()
                        + " does not exist. Choose a size or color on the product page.", List.of());
            }
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
        ProductView view = new ProductView(product, new ProductView.Selected(selected),
                VariantPicker.pickers(url, product.variants(), selected),
                VariantPicker.gallery(product.images(), selected), breadcrumbs, brand, product.properties(),
                catalog.related(product.id(), product.taxonPermalink(), RELATED));
        // decorative: within budget or the last good answer or nothing, never an error
        return pageAds.cacheControl(Response.ok(CatalogPages.product(view, pageAds.adFor(adContext(product)),
                discounts.teaser())).type(CatalogPages.HTML)).build();
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
