package dev.mirshop.storefront.clients;

/**
 * An ad as a page shows it. {@code imageUrl} and {@code clickUrl} point at the ad service through the shop's
 * origin (or {@code storefront.ads.public-url} when set), so pages link them and never fetch them.
 */
public record AdView(Long id, String title, String altText, String imageUrl, String clickUrl, String campaign,
        String theme) {

    AdView withBase(String base) {
        if (base == null || base.isBlank()) {
            return this;
        }
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return new AdView(id, title, altText, b + imageUrl, b + clickUrl, campaign, theme);
    }
}
