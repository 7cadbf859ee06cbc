package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.mirshop.storefront.catalog.ProductDetails.ImageData;
import dev.mirshop.storefront.catalog.ProductDetails.PropertyData;
import dev.mirshop.storefront.catalog.ProductDetails.VariantData;

/** The model of the product page: the product, the selected variant, the option pickers, gallery and related cards. */
public record ProductView(ProductDetails product, Selected selected, List<VariantPicker.Picker> pickers,
        List<ImageData> gallery, List<Link> breadcrumbs, Link brand, List<PropertyData> properties,
        List<ProductCard> related) {

    /** Quantities a shopper may ask for at once, whatever the stock. */
    static final int MAX_QUANTITY = 10;
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

    public record Selected(VariantData variant) {
        public long id() {
            return variant.id();
        }

        public String sku() {
            return variant.sku();
        }

        public BigDecimal price() {
            return variant.price();
        }

        public BigDecimal compareAtPrice() {
            return variant.compareAtPrice();
        }

        public String currency() {
            return variant.currency();
        }

        public boolean onSale() {
            return variant.compareAtPrice() != null && variant.compareAtPrice().compareTo(variant.price()) > 0;
        }

        public boolean inStock() {
            return variant.stockOnHand() > 0;
        }

        public String stockLabel() {
            return StockLevel.label(variant.stockOnHand());
        }

        public String stockClass() {
            return StockLevel.of(variant.stockOnHand()).cssClass;
        }

        public int maxQuantity() {
            return Math.max(1, Math.min(variant.stockOnHand(), MAX_QUANTITY));
        }

        /** "Size: M, Color: Blue"; empty for a product without options. */
        public String optionsLabel() {
            return variant.options().values().stream()
                    .map(o -> o.typePresentation() + ": " + o.presentation())
                    .collect(Collectors.joining(", "));
        }
    }

    public String title() {
        return product.metaTitle() == null || product.metaTitle().isBlank() ? product.name() : product.metaTitle();
    }

    public String metaDescription() {
        if (product.metaDescription() != null && !product.metaDescription().isBlank()) {
            return product.metaDescription();
        }
        String d = product.description() == null ? "" : product.description();
        return d.length() <= 160 ? d : d.substring(0, 157) + "...";
    }

    /** The description split into paragraphs at blank lines. */
    public List<String> paragraphs() {
        String d = product.description() == null ? "" : product.description();
        return PARAGRAPH_BREAK.splitAsStream(d).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String mainImageUrl() {
        return gallery.isEmpty() ? null : gallery.get(0).url();
    }
}
