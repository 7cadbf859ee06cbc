package dev.mirshop.storefront.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** /t/{permalink}: a taxon's products and those of its descendants, with filters, sort and pagination. */
@Path("/t")
public class TaxonResource {

    private static final Pattern PERMALINK = Pattern.compile("[a-z0-9-]{1,80}(/[a-z0-9-]{1,80}){0,5}");

    @Inject
    CatalogQueries catalog;
    @Inject
    CatalogMenu menu;
    @Inject
    TaxonDirectory taxons;
    @Inject
    CatalogCache cache;
    @Inject
    FacetDirectory facetDirectory;

    @GET
    @Path("{permalink: .+}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("permalink") String permalink, @Context UriInfo uri) {
        if (!PERMALINK.matcher(permalink).matches()) {
            return taxonNotFound();
        }
        ListingQuery query;
        try {
            query = ListingParams.parse(uri.getQueryParameters()).inTaxon(permalink);
        } catch (InvalidListingRequest e) {
            return taxons.tree(permalink).isPresent() ? CatalogPages.problem(400, e.getMessage(), List.of())
                    : taxonNotFound();
        }
        Optional<ListingView> listing = cache.get(new ListingView.Key("/t/" + permalink, query), key -> taxonListing(query));
        if (listing.isEmpty()) {
            return taxonNotFound();
        }
        return Response.ok(CatalogPages.listing(listing.get())).type(CatalogPages.HTML).build();
    }

    /** The listing of a taxon (and its descendants) for this query; empty when the taxon does not exist. */
    private Optional<ListingView> taxonListing(ListingQuery query) {
        String permalink = query.permalink();
        TaxonTree tree = taxons.tree(permalink).orElse(null);
        if (tree == null) {
            return Optional.empty();
        }
        TaxonNode taxon = tree.taxon();
        OptionFacets facets = facetDirectory.facets(taxon.id());
        ListingPage page = catalog.listing(query, taxon.id(), facets);
        List<Link> breadcrumbs = new ArrayList<>();
        breadcrumbs.add(new Link("Home", "/"));
        tree.chain().forEach(t -> breadcrumbs.add(new Link(t.name(), "/t/" + t.permalink())));
        List<Link> children = tree.children().stream().map(t -> new Link(t.name(), "/t/" + t.permalink())).toList();
        String description = taxon.description() != null ? taxon.description()
                : "Shop " + taxon.name() + " at MIR Shop.";
        return Optional.of(ListingView.of(taxon.name(), description, "/t/" + permalink, taxon.description(),
                breadcrumbs, children, query, page, facets, page.cards().isEmpty() ? menu.categories() : List.of(),
                null));
    }

    private Response taxonNotFound() {
        return CatalogPages.problem(404, "We could not find this category. Try one of these instead.",
                menu.categories());
    }
}
