package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;

import io.quarkus.qute.TemplateData;

/** What a product listing shows of a product (a row of product_listings): read in one query per page. */
@TemplateData
public record ProductCard(String slug, String name, BigDecimal price, BigDecimal compareAtPrice, String currency,
        String imageUrl, String imageAlt, boolean inStock) {

    public boolean onSale() {
        return compareAtPrice != null && compareAtPrice.compareTo(price) > 0;
    }

    public String url() {
        return "/products/" + slug;
    }
}
