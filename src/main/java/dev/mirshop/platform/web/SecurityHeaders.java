package dev.mirshop.platform.web;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mirshop.platform.security.AuthCookies;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Headers every answer gets at the last moment, whoever wrote it (a resource, an error page, a static file):
 * <ul>
 * <li>HTML: a Content-Security-Policy that runs only the shop's own scripts and what a
 * {@link ContentSecurityPolicySources} adds (the RUM loader, by its hash), and
 * {@code charset=UTF-8} on the content type; HTML that is not the shop's own page (a mail's HTML part in /dev/mailbox)
 * keeps the stricter {@code sandbox} policy its resource set;</li>
 * <li>anything else without a policy of its own (JSON, text): {@code default-src 'none'} (banners keep theirs);</li>
 * <li>over HTTPS: Strict-Transport-Security.</li>
 * </ul>
 * X-Content-Type-Options, Referrer-Policy, X-Frame-Options and Permissions-Policy are static
 * ({@code quarkus.http.header.*} in application.properties).
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String NON_HTML_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Inject
    Instance<ContentSecurityPolicySources> contributors;
    @ConfigProperty(name = "storefront.ads.public-url")
    Optional<String> adsPublicUrl;

    private String htmlPolicy;

    @PostConstruct
    void init() {
        List<ContentSecurityPolicySources.Sources> added = contributors.stream()
                .flatMap(c -> c.contentSecurityPolicySources().stream()).toList();
        String images = adsPublicUrl.filter(u -> !u.isBlank())
                .map(u -> " " + ContentSecurityPolicySources.origin(u)).orElse("");
        htmlPolicy = "default-src 'self'"
                + "; script-src 'self'" + added.stream().map(s -> " " + s.script()).reduce("", String::concat)
                + "; connect-src 'self'" + added.stream().map(s -> " " + s.connect()).reduce("", String::concat)
                + "; img-src 'self' data:" + images
                + "; style-src 'self'; font-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'"
                + "; form-action 'self'; frame-ancestors 'none'";
    }

    public String htmlPolicy() {
        return htmlPolicy;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(ignored -> decorate(rc));
            rc.next();
        }, 10_000); // first of all filters: the answers of the other filters get the headers too
    }

    private void decorate(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.regionMatches(true, 0, "text/html", 0, 9)) {
            if (!type.toLowerCase(java.util.Locale.ROOT).contains("charset")) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, type + ";charset=UTF-8");
            }
            String own = response.headers().get("Content-Security-Policy");
            if (own == null || !own.contains("sandbox")) {
                response.putHeader("Content-Security-Policy", htmlPolicy);
            }
        } else if (!response.headers().contains("Content-Security-Policy")) {
            response.putHeader("Content-Security-Policy", NON_HTML_POLICY);
        }
        if (AuthCookies.isHttps(rc.request())) {
            response.putHeader("Strict-Transport-Security", HSTS);
        }
    }
}
