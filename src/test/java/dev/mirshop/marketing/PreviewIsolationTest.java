package dev.mirshop.marketing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A campaign can be previewed by marketers before it goes live; shoppers never see it. */
@QuarkusTest
class PreviewIsolationTest {

    @Inject
    ConsoleFixtures fixtures;

    /** A paused campaign of the highest priority: it would win every slot if it ever leaked. */
    long hiddenCampaign(String adTitle) {
        long campaign = ServiceApi.campaign(ConsoleFixtures.unique("Hidden"), null, null, 1000);
        ServiceApi.act(campaign, "pause");
        ServiceApi.ad(campaign, adTitle);
        return campaign;
    }

    @Test
    void aPreviewNeedsAMarketerAndACampaignNumber() {
        String title = ConsoleFixtures.unique("Secret sale");
        long campaign = hiddenCampaign(title);
        String alt = "img[alt='" + title + "']";

        // the preview is decorative (2 s budget): a freshly started, busy test JVM may miss it once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var preview = fixtures.marketer().get("/?preview-campaign=" + campaign);
            assertThat(org.jsoup.Jsoup.parse(preview.asString()).select(alt)).isNotEmpty();
            assertThat(preview.header("Cache-Control")).isEqualTo("private, no-store");
        });
        // not a campaign number: the live page, which may be cached like any page of a logged-in shopper
        var notANumber = fixtures.marketer().get("/?preview-campaign=abc");
        assertThat(notANumber.statusCode()).isEqualTo(200);
        assertThat(org.jsoup.Jsoup.parse(notANumber.asString()).select(alt)).isEmpty();
        assertThat(notANumber.header("Cache-Control")).isNotEqualTo("private, no-store");
        // a campaign that does not exist: a preview with no ad, never an error page
        var noSuchCampaign = fixtures.marketer().get("/?preview-campaign=999999999");
        assertThat(noSuchCampaign.statusCode()).isEqualTo(200);
        assertThat(org.jsoup.Jsoup.parse(noSuchCampaign.asString()).select(".ad-banner")).isEmpty();
        assertThat(noSuchCampaign.header("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void theHomeAndProductPagesShowThePreviewOnlyToMarketers() {
        String title = ConsoleFixtures.unique("Preview only");
        long campaign = hiddenCampaign(title);
        String alt = "img[alt='" + title + "']";
        for (String path : java.util.List.of("/", "/products/oxford-button-down-shirt")) {
            String url = path + "?preview-campaign=" + campaign;
            var marketerPage = fixtures.marketer().get(url);
            assertThat(marketerPage.statusCode()).as(url).isEqualTo(200);
            assertThat(org.jsoup.Jsoup.parse(marketerPage.asString()).select(alt)).as(url).isNotEmpty();
            assertThat(marketerPage.header("Cache-Control")).as(url).isEqualTo("private, no-store");
            assertThat(org.jsoup.Jsoup.parse(given().get(url).then().statusCode(200).extract().asString()).select(alt))
                    .as("anonymous " + url).isEmpty();
            assertThat(org.jsoup.Jsoup.parse(fixtures.shopper().get(url).asString()).select(alt))
                    .as("shopper " + url).isEmpty();
        }
    }

    @Test
    void theLiveSelectionNeverShowsThePreviewedCampaign() {
        String title = ConsoleFixtures.unique("Not yet");
        long campaign = hiddenCampaign(title);
        fixtures.marketer().get("/?preview-campaign=" + campaign).then().statusCode(200);
        given().get("/api/ads/select?count=10&preview-campaign=" + campaign).then().statusCode(200);
        for (int i = 0; i < 10; i++) {
            assertThat(given().get("/api/ads/select?count=10&preview-campaign=" + campaign).then().extract()
                    .jsonPath().getList("title", String.class)).doesNotContain(title);
        }
        // previews are not impressions
        assertThat(ServiceApi.withToken().get("/api/ads/admin/campaigns/" + campaign).then().extract().jsonPath()
                .getLong("impressions")).isZero();
    }

    @Test
    void theConsolePreviewPageShowsTheCampaignsAdsToMarketersOnly() {
        String title = ConsoleFixtures.unique("Preview page");
        long campaign = hiddenCampaign(title);
        var page = fixtures.marketer().page("/admin/campaigns/" + campaign + "/preview");
        assertThat(page.select("figure.ad-preview figcaption").text()).contains(title);
        assertThat(page.select("a[href='/?preview-campaign=" + campaign + "']")).isNotEmpty();
        assertThat(fixtures.shopper().get("/admin/campaigns/" + campaign + "/preview").statusCode()).isEqualTo(403);
    }
}
