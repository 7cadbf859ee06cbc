package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class SeoTest {

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void robotsKeepsCrawlersOutOfPrivatePagesAndPointsToTheSitemap() {
        String robots = given().get("/robots.txt").then().statusCode(200).contentType("text/plain").extract().asString();
        assertThat(robots.lines()).contains("User-agent: *", "Disallow: /cart", "Disallow: /checkout", "Disallow: /account",
                "Disallow: /orders", "Disallow: /admin", "Sitemap: " + base() + "/sitemap.xml");
        assertThat(robots).doesNotContain("Disallow: /\n");
    }

    /**
     * The URLs of every file the sitemap index names (asked with the given Host header), with the number of URLs per
     * file. Every URL is on the canonical base URL, whatever the Host.
     */
    static List<String> sitemapUrls(String host, List<Integer> perFile) {
        String index = given().header("Host", host).get("/sitemap.xml").then().statusCode(200)
                .contentType("application/xml").extract().asString();
        Document doc = Jsoup.parse(index, "", Parser.xmlParser());
        assertThat(doc.select("sitemapindex").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        List<String> files = doc.select("sitemap > loc").eachText();
        assertThat(files).isNotEmpty().doesNotHaveDuplicates().allMatch(f -> f.startsWith(base() + "/sitemaps/"));
        List<String> urls = new java.util.ArrayList<>();
        for (String file : files) {
            String xml = given().header("Host", host).get(file.substring(base().length())).then().statusCode(200)
                    .contentType("application/xml").extract().asString();
            Document urlset = Jsoup.parse(xml, "", Parser.xmlParser());
            assertThat(urlset.select("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
            List<String> locs = urlset.select("url > loc").eachText();
            perFile.add(locs.size());
            urls.addAll(locs);
        }
        return urls;
    }

    @Test
    void sitemapIsAnIndexOfFilesThatListEveryAvailableProductAndEveryTaxonWithAbsoluteUrls() {
        String host = "localhost:" + RestAssured.port;
        List<Integer> perFile = new java.util.ArrayList<>();
        List<String> locs = sitemapUrls(host, perFile);
        assertThat(perFile).allMatch(n -> n <= 50_000);
        assertThat(locs).allMatch(loc -> loc.startsWith(base() + "/")).doesNotHaveDuplicates();
        assertThat(locs).contains(base() + "/", base() + "/products", base() + "/products/oxford-button-down-shirt",
                base() + "/products/ruby-on-rails-tote", base() + "/t/categories/clothing/shirts", base() + "/t/categories/mugs",
                base() + "/t/brands/atlas-works")
                .doesNotContain(base() + "/products/winter-parka");
        assertThat(locs.stream().filter(l -> l.contains("/products/")).count()).isGreaterThanOrEqualTo(24);
    }

    @Test
    void sitemapUsesTheCanonicalBaseUrlNotTheRequestHost() {
        String index = given().header("Host", "shop.example.com").get("/sitemap.xml").then().statusCode(200).extract().asString();
        assertThat(index).doesNotContain("shop.example.com");
        List<String> locs = sitemapUrls("shop.example.com", new java.util.ArrayList<>());
        assertThat(locs).contains(base() + "/products/oxford-button-down-shirt").noneMatch(l -> l.contains("shop.example.com"));
    }

    @Test
    void aSitemapFileThatDoesNotExistIsA404() {
        given().get("/sitemaps/products-999999.xml").then().statusCode(404);
        given().get("/sitemaps/products-0.xml").then().statusCode(404);
        given().get("/sitemaps/orders-1.xml").then().statusCode(404);
    }
}
