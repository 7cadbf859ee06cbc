package dev.mirshop.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.HttpServer;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shop's canonical origin, {@code shop.public-base-url} (SHOP_PUBLIC_BASE_URL, e.g. https://shop.example.com):
 * the one source of absolute URLs (sitemap.xml, robots.txt) and of the origin that state-changing requests must come
 * from. The Host and X-Forwarded-* headers of a request never make an absolute URL. Unset (a laptop, the tests):
 * http://localhost and the port this process listens on.
 */
@ApplicationScoped
public class PublicBaseUrl {

    private static final Logger LOG = Logger.getLogger(PublicBaseUrl.class);

    @jakarta.inject.Inject
    dev.mirshop.platform.ShopConfig config;

    private String origin;

    @PostConstruct
    void init() {
        Optional<String> configured = config.publicBaseUrl();
        if (configured.isPresent() && !configured.get().isBlank()) {
            origin = parse(configured.get().trim());
        } else if (LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("shop.public-base-url (SHOP_PUBLIC_BASE_URL) is not set: absolute URLs say http://localhost");
        }
    }

    /** scheme://host[:port] of a base URL; anything with a path, query, user or another scheme is refused at startup. */
    static String parse(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException();
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("shop.public-base-url must be like https://shop.example.com (no path), got: "
                    + value);
        }
    }

    /** The canonical origin, without a trailing slash. */
    public String get() {
        return origin != null ? origin : "http://localhost:" + listeningPort();
    }

    /** An absolute URL on the shop for a path that starts with "/". */
    public String absolute(String path) {
        return get() + path;
    }

    /**
     * Whether an Origin header names this shop: its canonical origin, or the origin the browser itself reached (the
     * Host it sent over the scheme this request came in on, which a page on another site cannot choose).
     */
    public boolean isShopOrigin(String originHeader, RoutingContext rc) {
        String presented = originHeader.trim().toLowerCase(Locale.ROOT);
        if (presented.equals(get())) {
            return true;
        }
        String host = rc.request().getHeader("Host");
        return host != null && presented.equals(rc.request().scheme() + "://" + host.trim().toLowerCase(Locale.ROOT));
    }

    private static int listeningPort() {
        try (InstanceHandle<HttpServer> server = Arc.container().instance(HttpServer.class)) {
            if (server.isAvailable() && server.get().getPort() > 0) {
                return server.get().getPort();
            }
        }
        return Integer.getInteger("quarkus.http.port", 8080);
    }
}
