package dev.mirshop.storefront.catalog;

import java.util.List;

import dev.mirshop.platform.web.PublicBaseUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/**
 * /robots.txt and the sitemaps, with absolute URLs on the shop's canonical base URL (never the request's Host). /sitemap.xml is a
 * sitemap index (sitemaps.org protocol): the shop's own pages, then taxons and products in files of at most
 * {@code shop.sitemap.urls-per-file} URLs (50,000, the protocol's limit, by default), split by id range so each
 * file is one bounded query.
 */
@Path("/")
public class SeoResource {

    /** The sitemap protocol's limit of URLs per file. */
    static final int MAX_URLS_PER_FILE = 50_000;
    private static final String XML = "application/xml;charset=UTF-8";
    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Inject
    CatalogQueries catalog;
    @Inject
    PublicBaseUrl publicBaseUrl;
    @Inject
    CatalogConfig config;

    @GET
    @Path("robots.txt")
    @Produces("text/plain;charset=UTF-8")
    public String robots() {
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
                """.formatted(base());
    }

    @GET
    @Path("sitemap.xml")
    @Produces(XML)
    public String sitemap() {
        String base = base();
        CatalogQueries.Sitemaps files = catalog.sitemaps(perFile());
        StringBuilder xml = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<sitemapindex xmlns=\"").append(NAMESPACE).append("\">\n");
        entry(xml, "sitemap", base + "/sitemaps/pages.xml");
        for (int file = 1; file <= files.taxonFiles(); file++) {
            entry(xml, "sitemap", base + "/sitemaps/taxons-" + file + ".xml");
        }
        for (int file = 1; file <= files.productFiles(); file++) {
            entry(xml, "sitemap", base + "/sitemaps/products-" + file + ".xml");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    @GET
    @Path("sitemaps/pages.xml")
    @Produces(XML)
    public String pages() {
        return urlset(base(), List.of("/", "/products"));
    }

    @GET
    @Path("sitemaps/{kind: taxons|products}-{file: [0-9]{1,6}}.xml")
    @Produces(XML)
    public String file(@PathParam("kind") String kind, @PathParam("file") int file) {
        int perFile = perFile();
        CatalogQueries.Sitemaps files = catalog.sitemaps(perFile);
        boolean taxons = "taxons".equals(kind);
        if (file < 1 || file > (taxons ? files.taxonFiles() : files.productFiles())) {
            throw new NotFoundException();
        }
        return urlset(base(), taxons ? catalog.sitemapTaxons(file, perFile) : catalog.sitemapProducts(file, perFile));
    }

    private int perFile() {
        return Math.max(1, Math.min(config.sitemap().urlsPerFile(), MAX_URLS_PER_FILE));
    }

    private static String urlset(String base, List<String> paths) {
        StringBuilder xml = new StringBuilder(128 + paths.size() * 96).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"").append(NAMESPACE).append("\">\n");
        for (String path : paths) {
            entry(xml, "url", base + path);
        }
        return xml.append("</urlset>\n").toString();
    }

    private static void entry(StringBuilder xml, String element, String loc) {
        xml.append("  <").append(element).append("><loc>").append(escape(loc)).append("</loc></").append(element).append(">\n");
    }

    private String base() {
        return publicBaseUrl.get();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
