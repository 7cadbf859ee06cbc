package dev.mirshop.storefront.account;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** 303 See Other to a path on this shop (relative Location, as RFC 9110 allows). */
final class Redirects {
    private Redirects() {
    }

    static Response seeOther(String localPath) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, localPath)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    static Response toLogin(String returnPath) {
        return seeOther("/login?return=" + returnPath);
    }
}
