package dev.mirshop.marketing;

import static io.restassured.RestAssured.given;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mirshop.testing.Banners;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The ad service's admin API, called the way the console does (with the service token). */
final class ServiceApi {

    private ServiceApi() {
    }

    static RequestSpecification withToken() {
        return given().header("Authorization", "Bearer " + ConsoleFixtures.SERVICE_TOKEN).contentType(ContentType.JSON);
    }

    static long campaign(String name, String startsAt, String endsAt, int priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("theme", "test");
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("priority", priority);
        return withToken().body(body).post("/api/ads/admin/campaigns").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    static long ad(long campaign, String title) {
        return withToken().body(Map.of("title", title, "altText", title, "targetPath", "/", "weight", 1,
                "contentType", "image/svg+xml", "imageBase64", Base64.getEncoder().encodeToString(Banners.svg(title))))
                .post("/api/ads/admin/campaigns/" + campaign + "/ads").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    static String status(long campaign) {
        return withToken().get("/api/ads/admin/campaigns/" + campaign).then().statusCode(200).extract().jsonPath()
                .getString("status");
    }

    static void act(long campaign, String action) {
        withToken().post("/api/ads/admin/campaigns/" + campaign + "/" + action).then().statusCode(200);
    }

    /** The ad ids shoppers get from the public selection API, over many draws. */
    static List<Long> selectedIds(int draws) {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        for (int i = 0; i < draws; i++) {
            ids.addAll(given().get("/api/ads/select?count=10").then().statusCode(200).extract().jsonPath()
                    .getList("id", Long.class));
        }
        return List.copyOf(ids);
    }
}
