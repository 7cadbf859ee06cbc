package dev.mirshop.storefront.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.mirshop.platform.security.ShopIdentity;
import dev.mirshop.platform.security.csrf.CsrfTokens;
import dev.mirshop.storefront.account.ReturnPath;
import dev.mirshop.storefront.cart.CartCookie;
import dev.mirshop.storefront.cart.CartService;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the layout shows for this request's shopper: cart count, who is logged in, the search keywords, the page to
 * come back to ({cdi:chrome.*} in Qute). Only inside a {#hole} on shared pages (PageRules); the same for every
 * shopper (the category menu) is not here.
 */
@Named("chrome")
@RequestScoped
public class PageChrome {

    @Inject
    HttpServerRequest request;
    @Inject
    CartService carts;
    @Inject
    SecurityIdentity identity;
    @Inject
    CsrfTokens csrf;
    @Inject
    CartCookie cartCookie;

    private Integer cartCount;

    /** False only where the database would have to be asked and cannot be (on an I/O thread, not loaded before). */
    public boolean cartCountKnown() {
        return cartCount != null || !ioThread() || cartToken() == null;
    }

    public int cartCount() {
        if (cartCount == null) {
            String token = cartToken();
            if (token == null) {
                cartCount = 0;
            } else if (ioThread()) {
                return 0; // not known here: cartCountKnown() is false
            } else {
                cartCount = carts.itemCount(token);
            }
        }
        return cartCount;
    }

    /**
     * The cart count, read now for a header filled later on the I/O thread: from the database on a worker thread
     * when the shopper has a cart, else at once.
     */
    public Uni<Integer> loadCartCount() {
        if (cartCount != null || cartToken() == null || !ioThread()) {
            return Uni.createFrom().item(cartCount());
        }
        return VertxContextSupport.executeBlocking(this::cartCount);
    }

    /** The shopper's cart token from the cookie, or null when there is none (or it is malformed). */
    private String cartToken() {
        return cartCookie.tokenIfValid().orElse(null);
    }

    private static boolean ioThread() {
        return Context.isOnEventLoopThread();
    }

    /** Whether {#csrf /} can render: only while a request is answered (always, for a page). */
    public boolean csrfReady() {
        return csrf.available();
    }

    public boolean loggedIn() {
        return !identity.isAnonymous();
    }

    /** The logged-in shopper's name (the account's email if it has none). */
    public String userName() {
        if (identity.isAnonymous()) {
            return null;
        }
        Object name = identity.getAttribute(ShopIdentity.ACCOUNT_NAME);
        return name instanceof String n && !n.isBlank() ? n : identity.getPrincipal().getName();
    }

    /** "?return=/current/page" for the log in and sign up links, so the shopper comes back here. */
    public String returnQuery() {
        String uri = request.uri();
        if (!"GET".equals(request.method().name()) || uri == null || uri.startsWith("/login") || uri.startsWith("/signup")
                || ReturnPath.safeOrNull(uri) == null || "/".equals(uri)) {
            return "";
        }
        return "?return=" + URLEncoder.encode(uri, StandardCharsets.UTF_8);
    }

    public String keywords() {
        String k = request.getParam("keywords");
        return k == null ? "" : k;
    }
}
