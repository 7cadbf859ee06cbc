package dev.mirshop.storefront.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.mirshop.platform.security.ShopIdentity;
import dev.mirshop.platform.web.WorkerThread;
import dev.mirshop.storefront.account.ReturnPath;
import dev.mirshop.storefront.cart.CartCookie;
import dev.mirshop.storefront.catalog.CatalogMenu;
import io.quarkus.security.identity.SecurityIdentity;
import dev.mirshop.platform.security.csrf.CsrfTokens;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** What the layout shows on every page: category menu, cart count, who is logged in. {cdi:chrome.*} in Qute. */
@Named("chrome")
@RequestScoped
public class PageChrome {

    @Inject
    CatalogMenu menu;
    @Inject
    HttpServerRequest request;
    @Inject
    EntityManager em;
    @Inject
    SecurityIdentity identity;
    @Inject
    CsrfTokens csrf;
    @Inject
    CartCookie cartCookie;

    private Integer cartCount;

    public List<CatalogMenu.MenuItem> menu() {
        return ioThread() ? menu.lastLoaded() : menu.categories();
    }

    /** False only where the database cannot be asked (a page rendered on an I/O thread). */
    public boolean cartCountKnown() {
        return !ioThread() || cartCount != null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public int cartCount() {
        if (cartCount == null && ioThread()) {
            return 0;
        }
        if (cartCount == null) {
            String token = cartToken();
            if (token == null) {
                cartCount = 0;
            } else {
                Number n = (Number) em.createNativeQuery(
                        "select coalesce(sum(i.quantity), 0) from cart_items i join carts c on c.id = i.cart_id where c.token = ?1")
                        .setParameter(1, token).getSingleResult();
                cartCount = n.intValue();
            }
        }
        return cartCount;
    }

    /**
     * Reads now what the layout needs from the database, for a page that renders later on an I/O thread (when
     * its ad arrives).
     */
    public void prepare() {
        if (cartCount == null && cartToken() != null && WorkerThread.mustNotBlock()) {
            throw WorkerThread.needsWorker();
        }
        cartCount();
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
