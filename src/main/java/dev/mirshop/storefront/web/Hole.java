package dev.mirshop.storefront.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The parts of a shared page that belong to one request. A template marks one with {@code {#hole <templateName>}}
 * ({@link HoleSection} refuses any other name, at build time); {@link PageHoles#fill} has one case per constant (a
 * switch without default: a new hole does not compile until it is filled). {@link PageRules} checks where holes may
 * stand.
 */
public enum Hole {
    /**
     * The CSRF token field of the shopper's forms (tags/csrf). On a shared page only a shopper with a login session
     * gets it: a visitor's forms there are CsrfFilter's visitor forms, posted without a token, so the page sets no
     * nonce cookie and a shared cache may keep it (SharedCachePolicy).
     */
    CSRF_TOKEN("csrfToken"),
    /** The search box's keywords (base.html). */
    KEYWORDS("keywords"),
    /** Who is logged in and the cart count (base.html, tags/accountLinks). */
    ACCOUNT_LINKS("accountLinks"),
    /** The ids linking this request's trace to its RUM view (tags/rum). */
    RUM("rum"),
    /** This view's ad (home, product). */
    AD("ad"),
    /** The discount teaser (home, product). */
    TEASER("teaser");

    private static final Map<String, Hole> BY_TEMPLATE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Hole::templateName, Function.identity()));

    private final String templateName;

    Hole(String templateName) {
        this.templateName = templateName;
    }

    /** The name templates use: {@code {#hole csrfToken}}. */
    public String templateName() {
        return templateName;
    }

    public static Optional<Hole> named(String templateName) {
        return Optional.ofNullable(BY_TEMPLATE_NAME.get(templateName));
    }
}
