package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Everything the product page reads from the database, in plain records (no lazy loading while rendering). */
public record ProductDetails(long id, String name, String slug, String description, String metaTitle,
        String metaDescription, String taxonPermalink, Integer taxonId, String brandName, String brandPermalink,
        List<VariantData> variants, List<ImageData> images, List<PropertyData> properties) {

    /** A variant with its option values keyed by option type name (size → m), in option type order. */
    public record VariantData(long id, String sku, BigDecimal price, BigDecimal compareAtPrice, String currency,
            int stockOnHand, Map<String, OptionData> options) {
    }

    public record OptionData(String typeName, String typePresentation, int typePosition, String name,
            String presentation, int position) {
    }

    public record ImageData(String url, String alt, Long variantId) {
    }

    public record PropertyData(String name, String value) {
    }
}
