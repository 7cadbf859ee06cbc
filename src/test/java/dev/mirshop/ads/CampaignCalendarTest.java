package dev.mirshop.ads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mirshop.testing.ShopTime;
import dev.mirshop.testing.ShopTime.DemoCampaign;
import dev.mirshop.testing.ShopTime.Moment;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Which demo campaign shoppers see, at every moment of {@link ShopTime#calendar()}: Christmas from 1 to 26 December,
 * the summer sale from June to August, the everyday ads otherwise, and within a campaign the ads targeted at the
 * page's taxon first.
 */
@QuarkusTest
class CampaignCalendarTest {

    /** The taxons each demo campaign has a targeted ad for (db/demo/ads). */
    static final Map<DemoCampaign, Set<String>> TARGETED = Map.of(
            DemoCampaign.EVERYDAY, Set.of("categories/mugs", "categories/clothing", "categories/bags"),
            DemoCampaign.CHRISTMAS, Set.of("categories/mugs"),
            DemoCampaign.SUMMER, Set.of());

    /** The alt texts of each demo campaign's ads, as the home page shows them. */
    static final Map<DemoCampaign, Set<String>> ALT_TEXTS = Map.of(
            DemoCampaign.EVERYDAY, Set.of("New arrivals: fresh designs every week. Shop now.",
                    "Free shipping on orders over $25 with code FREESHIP."),
            DemoCampaign.CHRISTMAS, Set.of("Christmas gifts for everyone: order by 20 December."),
            DemoCampaign.SUMMER, Set.of("Summer sale: up to 30% off tees and bags."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void onlyTheWinningCampaignsAdsAreSelected(Moment moment) {
        ShopTime.at(moment);
        List<Map<String, Object>> general = select("count=5");
        assertThat(general).isNotEmpty().allSatisfy(ad -> {
            assertThat(ad.get("campaign")).isEqualTo(moment.campaign().campaignName);
            assertThat(ad).doesNotContainKey("taxonPermalink");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void adsTargetedAtThePageWinWithinTheCampaign(Moment moment) {
        ShopTime.at(moment);
        for (String taxon : List.of("categories/mugs", "categories/clothing", "categories/bags")) {
            String context = taxon.equals("categories/clothing") ? "categories/clothing/t-shirts,brands/x" : taxon;
            for (int i = 0; i < 5; i++) {
                List<Map<String, Object>> ads = select("context=" + context + "&count=1");
                assertThat(ads).hasSize(1);
                Map<String, Object> ad = ads.get(0);
                assertThat(ad.get("campaign")).isEqualTo(moment.campaign().campaignName);
                if (TARGETED.get(moment.campaign()).contains(taxon)) {
                    assertThat(ad.get("taxonPermalink")).as(taxon).isEqualTo(taxon);
                } else {
                    assertThat(ad).as(taxon).doesNotContainKey("taxonPermalink");
                }
                assertThat((String) ad.get("imageUrl")).matches("/banners/\\d+/[0-9a-f]{16}\\.svg");
                assertThat((String) ad.get("clickUrl")).matches("/ads/\\d+/click");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void theHomePageShowsTheSeasonsBanner(Moment moment) {
        ShopTime.at(moment);
        // the ad is decorative: a page may go without it when the ad service is slow (here, a cold start on a busy
        // machine), so the test waits for a page that has one, and that one must be the season's
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String html = given().get("/").then().statusCode(200).extract().asString();
            Element banner = Jsoup.parse(html).selectFirst("section.slot.slot-ad img");
            assertThat(banner).as("the home page's ad").isNotNull();
            assertThat(ALT_TEXTS.get(moment.campaign())).contains(banner.attr("alt"));
        });
    }

    private static List<Map<String, Object>> select(String query) {
        return given().get("/api/ads/select?" + query).then().statusCode(200).extract().jsonPath().getList("$");
    }
}
