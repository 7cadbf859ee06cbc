package dev.mirshop.ads;

import static dev.mirshop.ads.AdminApi.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mirshop.testing.SendsServiceToken;
import dev.mirshop.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The ad service's one campaign write path, {@code /api/ads/admin}: the first version's writes under
 * {@code /api/ads/campaigns} are gone (issue 15, point 2), names are compared whatever their case, a change reaches
 * shoppers at the next selection, bad input is RFC 7807 problem JSON. Banners: BannerUploadAttackTest.
 */
@QuarkusTest
@ExtendWith(SendsServiceToken.class)
class CampaignAdminApiTest {

    /** Never live during a test: the campaigns made here must not take over other tests' pages. */
    private static final String FAR_START = "2199-01-01T00:00:00Z";

    @Test
    void theFirstVersionsWriteRoutesAreGoneAndItsListStays() {
        long campaign = AdminApi.campaign(Map.of("name", AdminApi.unique("Old routes"), "startsAt", FAR_START,
                "priority", 0));
        String name = AdminApi.unique("Old create");
        assertGone(given().contentType(ContentType.JSON).body(Map.of("name", name, "priority", 1, "paused", false))
                .post("/api/ads/campaigns"));
        assertGone(given().contentType(ContentType.JSON).post("/api/ads/campaigns/" + campaign + "/pause"));
        assertGone(given().contentType(ContentType.JSON).post("/api/ads/campaigns/" + campaign + "/resume"));
        assertGone(given().contentType(ContentType.JSON).body(Map.of("title", "Old", "altText", "Old",
                "targetPath", "/", "weight", 1, "bannerName", AdminApi.unique("old") + ".gif",
                "contentType", "image/gif", "imageBase64", "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"))
                .post("/api/ads/campaigns/" + campaign + "/ads"));
        for (String method : List.of("PUT", "DELETE")) {
            assertGone(given().contentType(ContentType.JSON).body("{}").request(method, "/api/ads/campaigns/" + campaign));
        }

        // nothing changed, and the read stays
        AdminApi.campaignSummary(campaign).then().statusCode(200).body("paused", equalTo(false))
                .body("status", equalTo("scheduled")).body("ads.size()", equalTo(0));
        List<String> names = given().get("/api/ads/campaigns").then().statusCode(200).extract().jsonPath()
                .getList("name");
        assertThat(names).isNotEmpty().doesNotContain(name);
        assertThat(given().get("/api/ads/campaigns").then().extract().jsonPath().getList("id", Long.class))
                .contains(campaign);
    }

    private static void assertGone(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isIn(404, 405);
    }

    @Test
    void campaignNamesAreUniqueWhateverTheirCase() {
        String name = AdminApi.unique("Case Test");
        long first = AdminApi.campaign(Map.of("name", name, "startsAt", FAR_START, "priority", 0));

        Response taken = AdminApi.createCampaign(Map.of("name", "  " + name.toUpperCase() + " ", "priority", 0));
        assertThat(taken.statusCode()).as(taken.asString()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("application/problem+json");
        assertThat(taken.jsonPath().getString("errors[0].field")).isEqualTo("name");

        long second = AdminApi.campaign(Map.of("name", AdminApi.unique("Case Other"), "startsAt", FAR_START,
                "priority", 0));
        given().contentType(ContentType.JSON).body(Map.of("name", name.toLowerCase(), "priority", 0))
                .put(ADMIN + "/campaigns/" + second).then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        // a campaign may change the case of its own name
        given().contentType(ContentType.JSON).body(Map.of("name", name.toLowerCase(), "startsAt", FAR_START,
                "priority", 0)).put(ADMIN + "/campaigns/" + first).then().statusCode(200)
                .body("name", equalTo(name.toLowerCase()));
    }

    /** What stops two requests at the same moment from both getting a name: the database's index (V170). */
    @Test
    void theDatabaseRefusesANameTakenInAnotherCase() {
        String name = AdminApi.unique("Index Case");
        AdminApi.campaign(Map.of("name", name, "startsAt", FAR_START, "priority", 0));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Campaign sameInCapitals = new Campaign();
            sameInCapitals.name = name.toUpperCase();
            sameInCapitals.theme = "test";
            sameInCapitals.paused = true;
            sameInCapitals.persistAndFlush();
        })).rootCause().hasMessageContaining("campaigns_name_any_case_key");
    }

    @Test
    void aCopyForNextYearTakesAFreeNameWhateverItsCase() {
        String base = AdminApi.unique("Copy Case");
        long source = AdminApi.campaign(Map.of("name", base + " 2190", "startsAt", "2190-12-01T00:00:00Z",
                "endsAt", "2190-12-26T00:00:00Z", "priority", 0));
        AdminApi.campaign(Map.of("name", base.toUpperCase() + " 2191", "startsAt", FAR_START, "priority", 0));

        Response copy = AdminApi.act(source, "duplicate");
        assertThat(copy.statusCode()).as(copy.asString()).isEqualTo(201);
        assertThat(copy.jsonPath().getString("name")).isEqualTo(base + " 2191 (2)");
        assertThat(copy.jsonPath().getString("startsAt")).startsWith("2191-12-01T00:00");
    }

    @Test
    void aChangeReachesShoppersAtTheNextSelection() {
        long campaign = AdminApi.campaign(Map.of("name", AdminApi.unique("Next selection"), "theme", "test",
                "priority", 1000));
        try {
            long ad = AdminApi.uploadSvg(campaign, "/").then().statusCode(201).extract().jsonPath().getLong("id");
            assertThat(selectedIds()).containsExactly(ad);

            AdminApi.act(campaign, "pause").then().statusCode(200).body("status", equalTo("paused"));
            assertThat(selectedIds()).isNotEmpty().doesNotContain(ad);

            AdminApi.act(campaign, "resume").then().statusCode(200).body("status", equalTo("live"));
            assertThat(selectedIds()).containsExactly(ad);
        } finally {
            AdminApi.act(campaign, "pause").then().statusCode(200);
        }
    }

    @Test
    void theWorkshopsListShowsANewAdAtOnce() {
        List<Long> before = given().get("/ads").then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        long campaign = AdminApi.campaign(Map.of("name", AdminApi.unique("Listed at once"), "theme", "test",
                "priority", 1));
        try {
            long ad = AdminApi.uploadSvg(campaign, "/").then().statusCode(201).extract().jsonPath().getLong("id");
            assertThat(before).doesNotContain(ad);
            assertThat(given().get("/ads").then().statusCode(200).extract().jsonPath().getList("id", Long.class))
                    .as("the list kept for the workshop's clients is dropped by the change").contains(ad);
        } finally {
            AdminApi.act(campaign, "pause").then().statusCode(200);
        }
    }

    /** The ads of one selection of ten, made right after the change: no waiting for a reload. */
    private static Set<Long> selectedIds() {
        return new HashSet<>(given().get("/api/ads/select?count=10").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class));
    }

    @Test
    void adsThatWouldLeaveTheShopAreRefused() {
        long campaign = AdminApi.pausedCampaign();
        for (String evil : List.of("//evil.example", "http://evil.example/", "https://evil.example",
                "/\\evil.example", "javascript:alert(1)", "evil.example", "/ok\r\nSet-Cookie: x=1")) {
            AdminApi.uploadSvg(campaign, evil).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("targetPath"));
        }
        AdminApi.campaignSummary(campaign).then().statusCode(200).body("ads.size()", equalTo(0));
    }

    @Test
    void badInputIsProblemJson() {
        given().contentType(ContentType.JSON).body("{oops").post(ADMIN + "/campaigns").then().statusCode(400)
                .contentType("application/problem+json");
        Instant now = TestClock.DEFAULT_START;
        AdminApi.createCampaign(Map.of("name", AdminApi.unique("Backwards"), "startsAt", now.toString(),
                "endsAt", now.minusSeconds(60).toString(), "priority", 0))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("endsAt"));
        AdminApi.createCampaign(Map.of("name", AdminApi.unique("Yearly"), "yearly", true, "priority", 0))
                .then().statusCode(400).body("errors[0].field", equalTo("startsAt"));
        AdminApi.createCampaign(Map.of("name", "", "priority", 0)).then().statusCode(400)
                .body("errors.field", hasItem("name"));
        AdminApi.createCampaign(Map.of("name", AdminApi.unique("No priority"))).then().statusCode(400)
                .body("errors.field", hasItem("priority"));

        long campaign = AdminApi.pausedCampaign();
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Neg", "altText", "x", "targetPath", "/", "weight", -3,
                        "contentType", "image/svg+xml", "imageBase64", "PHN2Zy8+"))
                .post(ADMIN + "/campaigns/" + campaign + "/ads").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("weight"));
        AdminApi.upload(campaign, "/", "application/x-msdownload", AdminApi.SVG.getBytes()).then().statusCode(400)
                .body("errors.field", hasItem("contentType"));
        AdminApi.campaignSummary(campaign).then().statusCode(200).body("ads.size()", equalTo(0));

        AdminApi.uploadSvg(999_999_999L, "/").then().statusCode(404).contentType("application/problem+json");
        AdminApi.act(999_999_999L, "pause").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "altText", "x", "targetPath", "/",
                "weight", 1)).put(ADMIN + "/ads/999999999").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
