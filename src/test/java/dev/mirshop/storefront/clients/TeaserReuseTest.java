package dev.mirshop.storefront.clients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The teaser is the same for every shopper: pages reuse the discount service's answer for a few seconds instead of
 * asking it on every view (counted on the discount service's side, in role "all" over loopback HTTP).
 */
@QuarkusTest
class TeaserReuseTest {

    private static final Pattern TEASER_REQUESTS = Pattern.compile(
            "(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/api/discounts/teaser\"[^}]*\\} ([0-9.E]+)$");

    @Inject
    CurrentTeaser teaser;

    static double teaserRequests() {
        Matcher m = TEASER_REQUESTS.matcher(given().get("/q/metrics").asString());
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    @Test
    void tenPageViewsAskTheDiscountServiceOnce() {
        given().get("/").then().statusCode(200);
        teaser.forget();
        double before = teaserRequests();
        for (int i = 0; i < 10; i++) {
            String html = given().get(i % 2 == 0 ? "/" : "/products/essential-crew-tee").then().statusCode(200)
                    .extract().asString();
            assertThat(Jsoup.parse(html).select("section.slot-teaser .discount-code").text()).isNotBlank();
        }
        assertThat(teaserRequests() - before).as("teaser requests for 10 page views").isBetween(1.0, 2.0);

        double reused = teaserRequests();
        teaser.forget();
        given().get("/").then().statusCode(200);
        assertThat(teaserRequests()).as("asked again once forgotten").isGreaterThan(reused);
    }
}
