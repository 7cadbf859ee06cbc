package dev.mirshop.storefront.clients;

/** "Use code BLACKFRIDAY20 for 20% off": the discount the shop advertises. */
public record TeaserView(String code, String name, String headline) {
}
