package dev.mirshop.platform.security.csrf;

import dev.mirshop.platform.security.RandomTokens;
import dev.mirshop.platform.security.ShopIdentity;
import dev.mirshop.platform.web.ThisRequestOnly;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token of the current request, for forms: {@code {inject:csrf.token}} and {@code {inject:csrf.parameterName}}
 * in Qute ({@code tags/csrf.html}). The first form a page renders gives the browser its nonce cookie when it has
 * none, so only pages with a form set the cookie: JSON APIs, robots.txt, the sitemap and static files never do.
 * The same browser and login session get the same token on every page, so several open tabs keep working.
 */
@Named("csrf")
@ApplicationScoped
public class CsrfTokens {

    public static final String FORM_FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";
    private static final String TOKEN_KEY = "mir-shop.csrf-token";

    @Inject
    CsrfKey key;
    @Inject
    CurrentVertxRequest currentRequest;

    public String getParameterName() {
        return FORM_FIELD;
    }

    public String getHeaderName() {
        return HEADER;
    }

    /** Whether a token can be made now (a request is being answered). */
    public boolean available() {
        return currentRequest.getCurrent() != null;
    }

    public String getToken() {
        RoutingContext rc = currentRequest.getCurrent();
        if (rc == null) {
            throw new IllegalStateException("A CSRF token is only made while answering a request");
        }
        String token = rc.get(TOKEN_KEY);
        if (token == null) {
            String nonce = CsrfCookie.nonce(rc);
            if (nonce == null) {
                nonce = RandomTokens.newToken();
                CsrfCookie.set(rc, nonce);
            }
            token = key.sign(nonce, sessionBinding(rc));
            rc.put(TOKEN_KEY, token);
            ThisRequestOnly.mark(rc);
        }
        return token;
    }

    /** Whether the presented token belongs to this request's browser and session. */
    boolean verify(RoutingContext rc, String presented) {
        return key.verify(presented, CsrfCookie.nonce(rc), sessionBinding(rc));
    }

    /** The login session the token is bound to: the authenticated session's key, empty for a visitor. */
    static String sessionBinding(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            Object session = identity == null ? null : identity.getAttribute(ShopIdentity.SESSION_KEY);
            if (session instanceof String s) {
                return s;
            }
        }
        return "";
    }
}
