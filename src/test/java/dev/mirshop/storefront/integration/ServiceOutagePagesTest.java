package dev.mirshop.storefront.integration;

import dev.mirshop.storefront.clients.ShortBudgetsProfile;
import dev.mirshop.storefront.clients.WireMockServices;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;

/**
 * Home and product pages while the ad and discount services are slow (2 s), failing (500) or refusing
 * connections: always 200, well within a second, with the last good ad and teaser (or none), and breakers that
 * open and close again.
 */
@QuarkusTest
@TestProfile(ShortBudgetsProfile.class)
@QuarkusTestResource(value = WireMockServices.class, restrictToAnnotatedClass = true)
class ServiceOutagePagesTest {

    /** The 150 ms budget plus the page itself, with slack for a busy 2-core machine; a 2 s wait would fail it. */
    static final long PAGE_LIMIT_MS = 900;

    static String ad(long id, String title) {
        return "[{\"id\":" + id + ",\"title\":\"" + title + "\",\"altText\":\"" + title + "\",\"targetPath\":\"/products\","
                + "\"clickUrl\":\"/ads/" + id + "/click\",\"imageUrl\":\"/banners/" + id + "/0123456789abcdef.svg\","
                + "\"campaign\":\"Everyday\",\"theme\":\"everyday\"}]";
    }

    static final String TEASER = """
            {"id":1,"name":"Black Friday","code":"BLACKFRIDAY20","kind":"percent","value":20,"headline":"20% off"}""";

    @Inject
    CircuitBreakerMaintenance breakers;
    @Inject
    ShopFixtures fixtures;

    static boolean warm;
    static String productPath;

    @BeforeEach
    void reset() {
        WireMockServices.restart();
        if (productPath == null) {
            productPath = "/products/" + fixtures.product("Outage Tee", "19.00", 5).slug();
        }
        if (!warm) {
            healthy(ad(7, "Mugs for every morning"));
            for (int i = 0; i < 5; i++) {
                given().get("/").then().statusCode(200);
                given().get(productPath).then().statusCode(200);
            }
            warm = true;
        }
        breakers.resetAll();
    }

    @AfterEach
    void restart() {
        WireMockServices.acceptConnections();
    }

    void healthy(String ads) {
        stubAds(okJson(ads));
        stubTeaser(okJson(TEASER));
    }

    void stubAds(ResponseDefinitionBuilder answer) {
        WireMockServices.server.stubFor(get(urlPathEqualTo("/api/ads/select")).willReturn(answer));
    }

    void stubTeaser(ResponseDefinitionBuilder answer) {
        WireMockServices.server.stubFor(get(urlEqualTo("/api/discounts/teaser")).willReturn(answer));
    }

    /** GETs a page, asserting 200 within the limit. */
    static Document page(String path) {
        long start = System.nanoTime();
        Response response = given().accept("text/html").get(path);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(elapsed).as("%s took %d ms", path, elapsed).isLessThan(PAGE_LIMIT_MS);
        return Jsoup.parse(response.asString());
    }

    static int adCalls() {
        return WireMockServices.server.findAll(getRequestedFor(urlPathEqualTo("/api/ads/select"))).size();
    }

    static String adHref(Document page) {
        return page.select("section.slot.slot-ad a").attr("href");
    }

    /** A healthy answer shows once the service answers within budget (the first try may miss it on a busy machine). */
    static Document eventually(String path, java.util.function.Consumer<Document> expectation) {
        Document[] last = new Document[1];
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = page(path);
            expectation.accept(last[0]);
        });
        return last[0];
    }

    @Test
    void healthyServicesFillTheSlotsWithLinksNeverInlinedImages() {
        healthy(ad(7, "Mugs for every morning"));
        for (String path : new String[] {"/", productPath}) {
            Document doc = eventually(path, d -> assertThat(adHref(d)).isEqualTo("/ads/7/click"));
            assertThat(doc.select("section.slot.slot-ad a").attr("href")).isEqualTo("/ads/7/click");
            assertThat(doc.select("section.slot.slot-ad img").attr("src")).isEqualTo("/banners/7/0123456789abcdef.svg");
            assertThat(doc.select("section.slot.slot-ad img").attr("alt")).isEqualTo("Mugs for every morning");
            assertThat(doc.select("section.slot.slot-teaser").text()).isEqualTo("Use code BLACKFRIDAY20 for 20% off.");
        }
        assertThat(WireMockServices.server.findAll(getRequestedFor(urlPathEqualTo("/banners/7/0123456789abcdef.svg"))))
                .as("banners are linked, never fetched by the storefront").isEmpty();
    }

    @Test
    void slowServicesGiveTheLastGoodAdAndTeaserWithinBudget() {
        healthy(ad(11, "Slow day"));
        eventually("/", d -> assertThat(adHref(d)).isEqualTo("/ads/11/click"));
        eventually("/", d -> assertThat(d.select("section.slot.slot-teaser").text()).contains("BLACKFRIDAY20"));
        stubAds(okJson(ad(12, "Too late")).withFixedDelay(2000));
        stubTeaser(okJson(TEASER).withFixedDelay(2000));
        for (int i = 0; i < 3; i++) {
            Document home = page("/");
            assertThat(adHref(home)).isEqualTo("/ads/11/click");
            assertThat(home.select("section.slot.slot-teaser").text()).contains("BLACKFRIDAY20");
            page(productPath);
        }
    }

    @Test
    void failingServicesOpenTheBreakersWhichCloseAgain() {
        healthy(ad(21, "Before the failure"));
        eventually("/", d -> assertThat(adHref(d)).isEqualTo("/ads/21/click"));
        eventually("/", d -> assertThat(d.select("section.slot.slot-teaser").text()).contains("BLACKFRIDAY20"));
        stubAds(aResponse().withStatus(500));
        stubTeaser(aResponse().withStatus(500));
        for (int i = 0; i < 12; i++) {
            Document home = page("/");
            assertThat(adHref(home)).isEqualTo("/ads/21/click");
            assertThat(home.select("section.slot.slot-teaser").text()).contains("BLACKFRIDAY20");
        }
        assertThat(breakers.currentState("ads-select")).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(breakers.currentState("discounts-teaser")).isEqualTo(CircuitBreakerState.OPEN);
        // an open breaker stops calling: at most a trial call now and then (every 600 ms here), not 2 per page
        int before = adCalls();
        for (int i = 0; i < 10; i++) {
            assertThat(adHref(page(i % 2 == 0 ? "/" : productPath))).isEqualTo("/ads/21/click");
        }
        assertThat(adCalls() - before).as("ad service calls during 10 pages with an open breaker").isLessThanOrEqualTo(4);

        healthy(ad(22, "After the recovery"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(adHref(page("/"))).isEqualTo("/ads/22/click"));
        assertThat(breakers.currentState("ads-select")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void refusedConnectionsGiveTheLastGoodAdWithinBudget() {
        healthy(ad(31, "Before the outage"));
        eventually("/", d -> assertThat(adHref(d)).isEqualTo("/ads/31/click"));
        WireMockServices.refuseConnections();
        for (int i = 0; i < 10; i++) {
            assertThat(adHref(page("/"))).isEqualTo("/ads/31/click");
            Document product = page(productPath);
            assertThat(product.select("h1").text()).startsWith("Cartfix-OutageTee");
            assertThat(adHref(product)).isEqualTo("/ads/31/click");
        }
        assertThat(breakers.currentState("ads-select")).isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void noAdAndNoTeaserMeansNoSlots() {
        stubAds(okJson("[]"));
        stubTeaser(aResponse().withStatus(404));
        for (String path : new String[] {"/", productPath}) {
            eventually(path, doc -> assertThat(doc.select("section.slot")).as(path).isEmpty());
        }
    }
}
