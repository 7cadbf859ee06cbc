package dev.mirshop.observability.vitals;

import java.util.Set;

/**
 * The page templates web vitals may be reported for: the allow-list that keeps the {@code template} label
 * bounded. A page names itself with {@code {#page}product{/page}} (base.html renders it as
 * {@code <body data-page="...">}); a page that does not says "other".
 */
public final class PageTemplates {

    public static final String OTHER = "other";

    public static final Set<String> KNOWN = Set.of(
            "home", "taxon", "products", "search", "product", "cart",
            "checkout-address", "checkout-delivery", "checkout-payment", "checkout-confirm", "order",
            "login", "signup", "account", "error", "marketing", OTHER);

    private PageTemplates() {
    }

    public static boolean isKnown(String template) {
        return template != null && KNOWN.contains(template);
    }
}
