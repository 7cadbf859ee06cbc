package dev.mirshop.ads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mirshop.ads.service.ImpressionCounter;
import dev.mirshop.testing.SendsServiceToken;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** What pages and the workshop's clients read from the ad service: selection, banners, clicks, the workshop's shapes. */
@QuarkusTest
@ExtendWith(SendsServiceToken.class)
class AdApiTest {

    @Test
    void selectAlwaysAnswersAndRejectsABadCount() {
        given().get("/api/ads/select?context=" + "x".repeat(3000)).then().statusCode(200);
        given().get("/api/ads/select?context=../../etc,<script>,'%20OR%201=1").then().statusCode(200);
        for (String bad : List.of("0", "-1", "11", "abc", "1e9", "99999999999")) {
            given().get("/api/ads/select?count=" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("count"));
        }
    }

    @Test
    void selectCountsImpressions() {
        Map<String, Object> ad = given().get("/api/ads/select?context=categories/bags").then().statusCode(200)
                .extract().jsonPath().getMap("[0]");
        long id = ((Number) ad.get("id")).longValue();
        long before = impressions(id);
        given().get("/api/ads/select?context=categories/bags").then().statusCode(200);
        counter.flush();
        assertThat(impressions(id)).isGreaterThan(before);
    }

    @Test
    void drawsAreIndependentSelectionsEachCountedAsAnImpression() {
        List<Map<String, Object>> first = given().get("/api/ads/select?context=categories/bags").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(first).hasSize(1);
        counter.flush();
        List<Long> live = QuarkusTransaction.requiringNew().call(() -> Ad.<Ad>listAll().stream().map(a -> a.id).toList());
        long before = live.stream().mapToLong(AdApiTest::impressions).sum();

        List<Map<String, Object>> draws = given().get("/api/ads/select?context=categories/bags&count=1&draws=60")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath().getList("$");

        // 60 views' worth: more than the pool holds, so some ads come back more than once
        assertThat(draws).hasSize(60);
        assertThat(draws.stream().map(d -> d.get("id")).distinct().count()).isLessThan(60);
        assertThat(draws).allSatisfy(d -> assertThat((String) d.get("clickUrl")).startsWith("/ads/"));
        counter.flush();
        assertThat(live.stream().mapToLong(AdApiTest::impressions).sum()).isEqualTo(before + 60);
    }

    @Test
    void targetsAreTheTaxonsTheAdsOfUnpausedCampaignsTarget() {
        List<String> expected = QuarkusTransaction.requiringNew().call(() -> Campaign.unpausedWithAds().stream()
                .flatMap(c -> c.ads.stream()).map(a -> a.taxonPermalink).filter(t -> t != null).distinct().sorted().toList());
        List<String> targets = given().get("/api/ads/targets").then().statusCode(200).header("Cache-Control", "no-store")
                .extract().jsonPath().getList("taxons", String.class);
        assertThat(targets).isNotEmpty().contains("categories/mugs", "categories/bags").isEqualTo(expected);
    }

    @Test
    void drawsOutsideTheirRangeOrWithSeveralAdsEachAreRefused() {
        for (String bad : List.of("0", "-1", "101", "abc", "99999999999")) {
            given().get("/api/ads/select?draws=" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("draws"));
        }
        given().get("/api/ads/select?count=2&draws=2").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("draws"));
        given().get("/api/ads/select?count=2&draws=1").then().statusCode(200);
    }

    @Test
    void christmasDemoCampaignIsLiveFromTheFirstToThe26thOfDecember() {
        Campaign christmas = QuarkusTransaction.requiringNew()
                .call(() -> Campaign.<Campaign>find("name", "Christmas").firstResult());
        assertThat(christmas.isLiveAt(Instant.parse("2026-11-25T12:00:00Z"))).isFalse();
        assertThat(christmas.isLiveAt(Instant.parse("2026-12-01T00:00:00Z"))).isTrue();
        assertThat(christmas.isLiveAt(Instant.parse("2026-12-26T18:00:00Z"))).isTrue();
        assertThat(christmas.isLiveAt(Instant.parse("2026-12-27T00:00:01Z"))).isFalse();
        Campaign summer = QuarkusTransaction.requiringNew()
                .call(() -> Campaign.<Campaign>find("name", "Summer sale").firstResult());
        assertThat(summer.isLiveAt(Instant.parse("2026-11-25T12:00:00Z"))).isFalse();
        assertThat(summer.isLiveAt(Instant.parse("2031-06-01T00:00:00Z"))).isTrue();
        assertThat(summer.isLiveAt(Instant.parse("2031-08-31T23:59:59Z"))).isTrue();
        assertThat(summer.isLiveAt(Instant.parse("2031-09-01T00:00:00Z"))).isFalse();
        Campaign everyday = QuarkusTransaction.requiringNew()
                .call(() -> Campaign.<Campaign>find("name", "Everyday").firstResult());
        assertThat(everyday.isLiveAt(Instant.parse("2026-11-25T12:00:00Z"))).isTrue();
        // and on 1 December the Christmas banners win over the everyday ones
        List<Campaign> all = QuarkusTransaction.requiringNew().call(() -> {
            List<Campaign> list = Campaign.unpausedWithAds();
            list.forEach(c -> c.ads.size());
            return list.stream().filter(c -> List.of("Everyday", "Christmas", "Summer sale").contains(c.name)).toList();
        });
        List<Ad> december = AdSelector.select(all, Instant.parse("2026-12-01T09:00:00Z"), java.util.Set.of(), 5,
                new java.util.SplittableRandom());
        assertThat(december).isNotEmpty().allSatisfy(a -> assertThat(a.campaign.name).isEqualTo("Christmas"));
        List<Ad> november = AdSelector.select(all, Instant.parse("2026-11-25T09:00:00Z"), java.util.Set.of(), 5,
                new java.util.SplittableRandom());
        assertThat(november).isNotEmpty().allSatisfy(a -> assertThat(a.campaign.name).isEqualTo("Everyday"));
    }

    @Test
    void bannersAreCachedWithAnEtag() {
        String url = given().get("/api/ads/select?context=categories/mugs").then().statusCode(200)
                .extract().jsonPath().getString("[0].imageUrl");
        String etag = given().get(url).then().statusCode(200).contentType("image/svg+xml")
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("ETag", not(emptyOrNullString()))
                .body(containsString("<svg")).extract().header("ETag");
        given().header("If-None-Match", etag).get(url).then().statusCode(304).body(emptyOrNullString());
        given().header("If-None-Match", "\"something-else\"").get(url).then().statusCode(200);
        String wrongHash = url.replaceAll("/[0-9a-f]{16}\\.svg$", "/0000000000000000.svg");
        given().get(wrongHash).then().statusCode(404);
        given().get("/banners/999999999/0000000000000000.svg").then().statusCode(404);
        // the workshop's URL by name
        String byName = given().get("/banners/everyday-mugs.svg").then().statusCode(200)
                .contentType("image/svg+xml").header("Cache-Control", containsString("max-age"))
                .extract().header("ETag");
        given().header("If-None-Match", byName).get("/banners/everyday-mugs.svg").then().statusCode(304);
        given().accept(ContentType.JSON).get("/banners/no-such-banner.svg").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void clickCountsAndRedirectsOnlyWithinTheShop() {
        long campaign = AdminApi.pausedCampaign();
        long id = AdminApi.uploadSvg(campaign, "/t/categories/mugs?sort=newest").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        String location = given().redirects().follow(false).get("/ads/" + id + "/click").then().statusCode(302)
                .extract().header("Location");
        URI uri = URI.create(location);
        assertThat(uri.getRawPath() + "?" + uri.getRawQuery()).isEqualTo("/t/categories/mugs?sort=newest");
        assertThat(uri.getHost() == null || uri.getHost().equals("localhost")).isTrue();
        assertThat(clicks(id)).isEqualTo(1);
        given().redirects().follow(false).get("/ads/" + id + "/click").then().statusCode(302);
        assertThat(clicks(id)).isEqualTo(2);
        given().redirects().follow(false).accept(ContentType.JSON).get("/ads/999999999/click").then()
                .statusCode(404);
        // metric names are a contract with the dashboards
        given().get("/q/metrics").then().statusCode(200).body(containsString("shop_ad_clicks_total"))
                .body(containsString("shop_ad_impressions_total"));
    }

    @Test
    void workshopEndpointsKeepTheirShapes() {
        List<Map<String, Object>> ads = given().get("/ads").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("$");
        assertThat(ads).isNotEmpty().allSatisfy(ad -> assertThat(ad).containsOnlyKeys("id", "name", "url", "weight",
                "path"));
        assertThat(ads).anySatisfy(ad -> {
            assertThat(ad.get("path")).isEqualTo("everyday-mugs.svg");
            assertThat(ad.get("url")).isEqualTo("/t/categories/mugs");
        });
        Map<String, Object> weighted = given().get("/weighted-banners/2.5").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertThat(weighted).containsOnlyKeys("id", "name", "url", "weight", "path");
        assertThat(((Number) weighted.get("weight")).intValue()).isLessThanOrEqualTo(2);
        given().get("/weighted-banners/0.5").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/weighted-banners/heavy").then().statusCode(400).contentType("application/problem+json");
        given().get("/weighted-banners/-1").then().statusCode(400);
    }

    @Inject
    ImpressionCounter counter;

    static long impressions(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Ad.<Ad>findById(id).impressions);
    }

    static long clicks(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Ad.<Ad>findById(id).clicks);
    }
}
