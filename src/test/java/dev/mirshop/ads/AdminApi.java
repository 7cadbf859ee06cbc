package dev.mirshop.ads;

import static io.restassured.RestAssured.given;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The ad service's one write path, {@code /api/ads/admin}, called as the console calls it. The token comes from
 * {@code @ExtendWith(SendsServiceToken.class)} on the calling test.
 */
final class AdminApi {

    static final String ADMIN = "/api/ads/admin";
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";

    private AdminApi() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response createCampaign(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post(ADMIN + "/campaigns");
    }

    static long campaign(Map<String, ?> body) {
        Response created = createCampaign(body);
        if (created.statusCode() != 201) {
            throw new AssertionError("campaign not created: " + created.statusCode() + " " + created.asString());
        }
        return created.jsonPath().getLong("id");
    }

    /** A paused campaign, so ads created by tests never take over the shop's pages. */
    static long pausedCampaign() {
        long id = campaign(Map.of("name", unique("Test campaign"), "theme", "test", "priority", 0));
        act(id, "pause").then().statusCode(200);
        return id;
    }

    static Response act(long campaign, String action) {
        return given().post(ADMIN + "/campaigns/" + campaign + "/" + action);
    }

    static Response campaignSummary(long campaign) {
        return given().get(ADMIN + "/campaigns/" + campaign);
    }

    static Response upload(long campaign, String targetPath, String contentType, byte[] image) {
        return given().contentType(ContentType.JSON).body(Map.of("title", "Test ad", "altText", "A test ad",
                "targetPath", targetPath, "weight", 1, "contentType", contentType,
                "imageBase64", Base64.getEncoder().encodeToString(image)))
                .post(ADMIN + "/campaigns/" + campaign + "/ads");
    }

    static Response uploadSvg(long campaign, String targetPath) {
        return upload(campaign, targetPath, "image/svg+xml", SVG.getBytes());
    }
}
