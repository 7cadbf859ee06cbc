package dev.mirshop.storefront.catalog;

import dev.mirshop.platform.web.PublicBaseUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** /robots.txt and /sitemap.xml, with absolute URLs on the shop's canonical base URL (never the request's Host). */
@Path("/")
public class SeoResource {

    @Inject
    CatalogQueries catalog;
    @Inject
    PublicBaseUrl publicBaseUrl;

    @GET
    @Path("robots.txt")
    @Produces("text/plain;charset=UTF-8")
    public String robots(@Context UriInfo uri) {
        return """
                User-agent: *
                Disallow: /cart
                Disallow: /checkout
                Disallow: /account
                Disallow: /orders
                Disallow: /admin
                Disallow: /login
                Disallow: /signup

                Sitemap: %s/sitemap.xml
                """.formatted(base(uri));
    }

    @GET
    @Path("sitemap.xml")
    @Produces("application/xml;charset=UTF-8")
    public String sitemap(@Context UriInfo uri) {
        String base = base(uri);
        StringBuilder xml = new StringBuilder(4096)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, base + "/");
        url(xml, base + "/products");
        for (String path : catalog.sitemapPaths()) {
            url(xml, base + path);
        }
        return xml.append("</urlset>\n").toString();
    }

    private static void url(StringBuilder xml, String loc) {
        xml.append("  <url><loc>").append(escape(loc)).append("</loc></url>\n");
    }

    private String base(UriInfo ignored) {
        return publicBaseUrl.get();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
