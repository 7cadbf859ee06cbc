package dev.mirshop.platform.web;

import io.vertx.ext.web.RoutingContext;

/**
 * Marks an answer that carries something made for this one request (a CSRF token, the RUM trace ids of this
 * request's span): {@link SharedCachePolicy} then never lets a shared cache keep it. Whatever renders such a value
 * marks the request; nothing else needs to know which pages do.
 */
public final class ThisRequestOnly {

    private static final String KEY = "mir-shop.this-request-only";

    private ThisRequestOnly() {
    }

    public static void mark(RoutingContext rc) {
        if (rc != null) {
            rc.put(KEY, Boolean.TRUE);
        }
    }

    public static boolean marked(RoutingContext rc) {
        return rc.get(KEY) != null;
    }
}
