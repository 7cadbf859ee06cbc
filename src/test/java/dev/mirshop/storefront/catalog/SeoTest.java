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

    @Test
    void sitemapListsEveryAvailableProductAndEveryTaxonWithAbsoluteUrls() {
        String xml = given().get("/sitemap.xml").then().statusCode(200).contentType("application/xml").extract().asString();
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        assertThat(doc.select("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        List<String> locs = doc.select("url > loc").eachText();
        assertThat(locs).allMatch(loc -> loc.startsWith(base() + "/")).doesNotHaveDuplicates();
        assertThat(locs).contains(base() + "/", base() + "/products/oxford-button-down-shirt", base() + "/products/ruby-on-rails-tote",
                base() + "/t/categories/clothing/shirts", base() + "/t/categories/mugs", base() + "/t/brands/atlas-works")
                .doesNotContain(base() + "/products/winter-parka");
        assertThat(locs.stream().filter(l -> l.contains("/products/")).count()).isGreaterThanOrEqualTo(24);
    }

    @Test
    void sitemapUsesTheCanonicalBaseUrlNotTheRequestHost() {
        String xml = given().header("Host", "shop.example.com").get("/sitemap.xml").then().statusCode(200).extract().asString();
        assertThat(xml).contains("<loc>http://localhost:" + io.restassured.RestAssured.port
                + "/products/oxford-button-down-shirt</loc>").doesNotContain("shop.example.com");
    }
}
