package dev.mirshop.storefront.clients;

/** "Use code BLACKFRIDAY20 for 20% off": the discount the shop advertises. */
public record TeaserView(String code, String name, String headline) {

    /** The key of the teaser's markup in Qute's {#cached}. */
    public String cacheKey() {
        return code + "|" + headline;
    }
}
