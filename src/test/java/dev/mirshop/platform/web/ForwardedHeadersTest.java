package dev.mirshop.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mirshop.testing.RawHttp;
import dev.mirshop.testing.RawHttp.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Issue 13, point 8: {@code Host: evil.example} made the ad click redirect to http://evil.example/products,
 * {@code X-Forwarded-Proto: javascript} gave {@code Location: javascript://...}, and the same hosts reached
 * sitemap.xml and robots.txt. Absolute URLs now come from shop.public-base-url (here: http://localhost and the
 * test port), redirects stay relative, and X-Forwarded-* count only from a trusted proxy (127.0.0.1 in tests).
 */
@QuarkusTest
class ForwardedHeadersTest {

    private static final String EVIL = "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
            + "X-Forwarded-Proto: javascript\r\nForwarded: host=evil.example;proto=javascript\r\n";

    private static String canonical() {
        return "http://localhost:" + RestAssured.port;
    }

    private static long anAd() {
        return given().get("/ads").then().statusCode(200).extract().jsonPath().getLong("[0].id");
    }

    @Test
    void anAdClickRedirectsToAPathOnTheShopWhateverTheHostSays() {
        for (String from : new String[] { "127.0.0.1", "127.0.0.2" }) {
            Answer click = RawHttp.send(from, "GET /ads/" + anAd() + "/click HTTP/1.1\r\n" + EVIL
                    + "Connection: close\r\n\r\n");
            assertThat(click.status()).isEqualTo(302);
            assertThat(click.header("Location")).startsWith("/").doesNotStartWith("//").doesNotContain("evil")
                    .doesNotContain("javascript");
        }
    }

    @Test
    void robotsAndTheSitemapUseTheCanonicalBase() {
        Answer robots = RawHttp.send("GET /robots.txt HTTP/1.1\r\n" + EVIL + "Connection: close\r\n\r\n");
        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.body()).contains("Sitemap: " + canonical() + "/sitemap.xml").doesNotContain("evil");
        Answer sitemap = RawHttp.send("GET /sitemap.xml HTTP/1.1\r\n" + EVIL + "Connection: close\r\n\r\n");
        assertThat(sitemap.status()).isEqualTo(200);
        assertThat(sitemap.body()).contains("<loc>" + canonical() + "/sitemaps/pages.xml</loc>").doesNotContain("evil")
                .doesNotContain("javascript");
    }

    @Test
    void onlyATrustedProxyMakesARequestHttps() {
        String request = "GET /login HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\n"
                + "X-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n";
        Answer untrusted = RawHttp.send("127.0.0.2", request);
        assertThat(untrusted.status()).isEqualTo(200);
        assertThat(untrusted.header("Strict-Transport-Security")).isNull();
        assertThat(untrusted.header("Set-Cookie")).startsWith("mir_csrf=").doesNotContainIgnoringCase("secure");

        Answer trusted = RawHttp.send("127.0.0.1", request);
        assertThat(trusted.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(trusted.header("Set-Cookie")).startsWith("__Host-mir_csrf=").containsIgnoringCase("Secure")
                .contains("Path=/").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Domain=");
    }
}
