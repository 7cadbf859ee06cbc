package dev.mirshop.storefront.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.mirshop.storefront.catalog.ProductDetails.VariantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a product page shows, as every shopper sees it: the product with its selected variant, or the 404 to show
 * instead. The page itself (layout, ad, per-shopper parts) is storefront.web's.
 */
@ApplicationScoped
public class ProductPages {

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
    RelatedProducts related;

    /** A product page asked for: a well-formed slug and the variant asked ({@code null}: the default one). */
    public record Key(String slug, Long variantId, boolean malformedVariant) {

        /** The page for {@code /products/{slug}?variant=}; empty when the slug cannot name a product. */
        public static Optional<Key> of(String slug, String variantParam) {
            if (slug == null || !SLUG.matcher(slug).matches()) {
                return Optional.empty();
            }
            if (variantParam == null || variantParam.isBlank()) {
                return Optional.of(new Key(slug, null, false));
            }
            String variant = variantParam.strip();
            return Optional.of(VARIANT_ID.matcher(variant).matches() ? new Key(slug, Long.parseLong(variant), false)
                    : new Key(slug, null, true));
        }
    }

    /** A product page's content: the product, or why there is none. */
    public sealed interface ProductPage {
    }

    /** The product with its selected variant, and the taxons its ad is about (its category and brand). */
    public record Found(ProductView view, List<String> adContext) implements ProductPage {
    }

    /** The 404 to show: what went wrong, and categories to go on with. */
    public record NotFound(String message, List<CatalogMenu.MenuItem> suggestions) implements ProductPage {
    }

    /** The 404 for a path that names no product. */
    public NotFound productNotFound() {
        return new NotFound("We could not find this product. It may have been renamed or removed.", menu.categories());
    }

    /** Blocks (reads the catalog unless cached): call it on a worker thread. */
    public ProductPage find(Key key) {
        if (key.malformedVariant()) {
            return variantNotFound(key.slug());
        }
        Optional<ProductView> view = cache.get(new ViewKey(key.slug(), key.variantId()), this::productView);
        if (view.isPresent()) {
            return new Found(view.get(), adContext(view.get().product()));
        }
        return key.variantId() == null ? productNotFound() : variantNotFound(key.slug());
    }

    private record ViewKey(String slug, Long variantId) {
    }

    private ProductPage variantNotFound(String slug) {
        Optional<ProductView> product = cache.get(new ViewKey(slug, null), this::productView);
        if (product.isEmpty()) {
            return productNotFound();
        }
        return new NotFound("This option of " + product.get().product().name()
                + " does not exist. Choose a size or color on the product page.", List.of());
    }

    private Optional<ProductView> productView(ViewKey key) {
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
                related.of(product.slug(), product.taxonId())));
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
