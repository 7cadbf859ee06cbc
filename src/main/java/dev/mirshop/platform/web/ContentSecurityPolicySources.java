package dev.mirshop.platform.web;

import java.net.URI;
import java.util.Optional;

/**
 * What a part of the shop adds to the Content-Security-Policy of the HTML pages ({@link SecurityHeaders}), e.g. the
 * RUM snippet (observability.rum.RumSnippet): its loader's hash and the origins its SDK loads from and sends to.
 * Platform declares it and the contributor implements it, so platform knows no one above it.
 */
public interface ContentSecurityPolicySources {

    /** Sources for script-src and connect-src. */
    record Sources(String script, String connect) {
    }

    /** What to add, or empty when this part is off. */
    Optional<Sources> contentSecurityPolicySources();

    /** scheme://authority of a URL, as CSP names a source. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
