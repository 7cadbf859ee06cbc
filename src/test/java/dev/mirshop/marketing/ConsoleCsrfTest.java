package dev.mirshop.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Issue 13, point 2: a marketer's browser sent {@code POST /admin/campaigns/1/end} with {@code Content-Type:
 * text/plain} and {@code Origin: https://evil.example}, and the campaign ended. Every state-changing console request
 * now needs the token and a same-site origin, whatever its content type and with or without a body.
 */
@QuarkusTest
class ConsoleCsrfTest {

    @Inject
    ConsoleFixtures fixtures;

    private long liveCampaign() {
        return ServiceApi.campaign(ConsoleFixtures.unique("Csrf"), "2020-01-01T00:00:00Z", "2090-01-01T00:00:00Z", 1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "end", "pause", "go-live", "duplicate" })
    void aCrossSiteTextPlainPostDoesNotTouchTheCampaign(String action) {
        ConsoleBrowser marketer = fixtures.marketer();
        long id = liveCampaign();
        String before = ServiceApi.status(id);
        long campaigns = fixtures.count("select count(*) from audit_log");

        Response forged = marketer.request().contentType("text/plain").header("Origin", "https://evil.example")
                .body("x").post("/admin/campaigns/" + id + "/" + action);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("text/html");
        assertThat(forged.asString()).contains("came from another site").doesNotContain("Exception");

        Response noOrigin = marketer.request().contentType("text/plain").body("x")
                .post("/admin/campaigns/" + id + "/" + action);
        assertThat(noOrigin.statusCode()).as("no Origin, no token").isEqualTo(400);

        Response noBody = marketer.request().post("/admin/campaigns/" + id + "/" + action);
        assertThat(noBody.statusCode()).as("no body at all").isEqualTo(400);

        Response crossSiteFetch = marketer.request().header("Sec-Fetch-Site", "cross-site")
                .header(CsrfHeader.NAME, marketer.csrfToken()).post("/admin/campaigns/" + id + "/" + action);
        assertThat(crossSiteFetch.statusCode()).as("Sec-Fetch-Site cross-site, even with a token").isEqualTo(403);

        assertThat(ServiceApi.status(id)).isEqualTo(before);
        assertThat(fixtures.count("select count(*) from audit_log")).isEqualTo(campaigns);
    }

    @Test
    void theConsolesOwnFormStillEndsTheCampaign() {
        ConsoleBrowser marketer = fixtures.marketer();
        long id = liveCampaign();
        marketer.get("/admin/campaigns/" + id);
        Response ended = marketer.request().header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .header("Sec-Fetch-Site", "same-origin").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", marketer.csrfToken()).post("/admin/campaigns/" + id + "/end");
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ServiceApi.status(id)).isEqualTo("ended");
    }

    @Test
    void aNoBodyPostWithTheTokenInTheHeaderWorks() {
        ConsoleBrowser marketer = fixtures.marketer();
        long id = liveCampaign();
        Response paused = marketer.request().header(CsrfHeader.NAME, marketer.csrfToken())
                .post("/admin/campaigns/" + id + "/pause");
        assertThat(paused.statusCode()).isEqualTo(303);
        assertThat(ServiceApi.status(id)).isEqualTo("paused");
    }

    @Test
    void deactivatingADiscountNeedsTheTokenToo() {
        ConsoleBrowser marketer = fixtures.marketer();
        String code = ConsoleFixtures.unique("CSRF").toUpperCase().replace("-", "");
        long id = ServiceApi.withToken().body(java.util.Map.of("name", "Csrf", "code", code, "kind", "fixed", "value", 5))
                .post("/api/discounts").then().statusCode(201).extract().jsonPath().getLong("id");
        Response forged = marketer.request().contentType("text/plain").header("Origin", "https://evil.example")
                .post("/admin/discounts/" + id + "/deactivate");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ServiceApi.withToken().get("/api/discounts/" + id).then().statusCode(200).extract().jsonPath()
                .getBoolean("active")).isTrue();
    }

    /** The header a page's own script would send. */
    static final class CsrfHeader {
        static final String NAME = "X-CSRF-Token";
    }
}
