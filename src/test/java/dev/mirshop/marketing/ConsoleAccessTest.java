package dev.mirshop.marketing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Who may use /admin and the services' write APIs. */
@QuarkusTest
class ConsoleAccessTest {

    @Inject
    ConsoleFixtures fixtures;

    @ParameterizedTest
    @ValueSource(strings = { "/admin", "/admin/campaigns", "/admin/campaigns/new", "/admin/discounts",
            "/admin/audit", "/admin/campaigns/1/preview" })
    void anonymousVisitorsAreSentToLoginAndBack(String path) {
        given().redirects().follow(false).accept("text/html").get(path).then().statusCode(303)
                .header("Location", equalTo("/login?return=" + java.net.URLEncoder.encode(path,
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void anonymousPostIsRefusedWithoutChangingAnything() {
        long before = fixtures.count("select count(*) from audit_log");
        int status = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("name", "Sneaky").post("/admin/campaigns").statusCode();
        assertThat(status).isIn(303, 400);
        assertThat(fixtures.count("select count(*) from audit_log")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/admin/campaigns", "/admin/discounts", "/admin/audit" })
    void shoppersGetTheForbiddenPage(String path) {
        ConsoleBrowser shopper = fixtures.shopper();
        var response = shopper.get(path);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.asString()).contains("You do not have access").doesNotContain("Marketing console");
    }

    @Test
    void shoppersCannotPostToTheConsoleEither() {
        ConsoleBrowser shopper = fixtures.shopper();
        shopper.get("/account");
        var response = shopper.post("/admin/discounts", Map.of("name", "Free money", "code", "FREEMONEY",
                "kind", "fixed", "value", "100"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(fixtures.count("select count(*) from audit_log where summary like '%FREEMONEY%'")).isZero();
    }

    @Test
    void marketersSeeTheConsole() {
        ConsoleBrowser marketer = fixtures.marketer();
        assertThat(marketer.get("/admin").header("Location")).endsWith("/admin/campaigns");
        var campaigns = marketer.page("/admin/campaigns");
        assertThat(campaigns.select("h1").text()).isEqualTo("Campaigns");
        assertThat(campaigns.select("tr[data-campaign-id]")).isNotEmpty();
        assertThat(marketer.page("/admin/discounts").select("h1").text()).isEqualTo("Discount codes");
        assertThat(marketer.page("/admin/audit").select("h1").text()).isEqualTo("Audit log");
    }

    @Test
    void theDemoMarketerCanLogIn() {
        ConsoleBrowser demo = ConsoleBrowser.loggedIn(ConsoleFixtures.DEMO_MARKETER, ConsoleFixtures.DEMO_PASSWORD);
        assertThat(demo.get("/admin/campaigns").statusCode()).isEqualTo(200);
    }

    @Test
    void consoleFormsCarryACsrfTokenAndPostsWithoutItAreRefused() {
        ConsoleBrowser marketer = fixtures.marketer();
        var form = marketer.page("/admin/discounts/new");
        assertThat(form.select("form[method=post] input[name=csrf-token]")).isNotEmpty();
        String code = ConsoleFixtures.unique("NOCSRF").toUpperCase().replace("-", "");
        var response = marketer.postWithoutCsrf("/admin/discounts", Map.of("name", "No token", "code", code,
                "kind", "percent", "value", "10"));
        assertThat(response.statusCode()).isEqualTo(400);
        ServiceApi.withToken().get("/api/discounts?include=all").then().statusCode(200)
                .body("findAll { it.code == '" + code + "' }.size()", equalTo(0));
    }

    // --- the services' write APIs need the bearer token

    @ParameterizedTest
    @ValueSource(strings = { "", "Bearer wrong-token-wrong-token", "Basic dXNlcjpwYXNz" })
    void discountWritesWithoutTheTokenAre401ProblemJson(String authorization) {
        var request = given().contentType(ContentType.JSON);
        if (!authorization.isEmpty()) {
            request = request.header("Authorization", authorization);
        }
        request.body(Map.of("name", "Sneaky", "code", ConsoleFixtures.unique("SNEAKY"), "kind", "percent", "value", 50))
                .post("/api/discounts").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401))
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", authorization).contentType(ContentType.JSON).body("{}")
                .put("/api/discounts/1").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", authorization).delete("/api/discounts/1").then().statusCode(401);
        given().header("Authorization", authorization).post("/api/discounts/1/deactivate").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Bearer wrong-token-wrong-token", "Basic dXNlcjpwYXNz" })
    void campaignWritesAndTheAdminApiWithoutTheTokenAre401ProblemJson(String authorization) {
        String name = ConsoleFixtures.unique("Sneaky");
        var request = given().contentType(ContentType.JSON);
        if (!authorization.isEmpty()) {
            request = request.header("Authorization", authorization);
        }
        request.body(Map.of("name", name, "priority", 1000))
                .post("/api/ads/admin/campaigns").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", authorization).contentType(ContentType.JSON)
                .body(Map.of("name", "Sneaky", "priority", 1)).put("/api/ads/admin/campaigns/1").then().statusCode(401);
        for (String action : new String[] { "pause", "resume", "go-live", "end", "duplicate" }) {
            given().header("Authorization", authorization).post("/api/ads/admin/campaigns/1/" + action).then()
                    .statusCode(401).contentType("application/problem+json");
        }
        given().header("Authorization", authorization).contentType(ContentType.JSON).body("{}")
                .post("/api/ads/admin/campaigns/1/ads").then().statusCode(401);
        given().header("Authorization", authorization).contentType(ContentType.JSON).body("{}")
                .put("/api/ads/admin/ads/1").then().statusCode(401);
        given().header("Authorization", authorization).get("/api/ads/admin/campaigns").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", authorization).get("/api/ads/admin/preview?campaign=1").then()
                .statusCode(401);
        assertThat(given().header("Authorization", authorization).urlEncodingEnabled(false)
                .get("/api/ads/%61dmin/campaigns").statusCode()).isIn(401, 404);
        assertThat(ServiceApi.withToken().get("/api/ads/admin/campaigns").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class)).isNotEmpty().doesNotContain(name);
    }

    @Test
    void theRightTokenOpensTheWriteApis() {
        given().header("Authorization", "Bearer " + ConsoleFixtures.SERVICE_TOKEN).get("/api/ads/admin/campaigns")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + ConsoleFixtures.SERVICE_TOKEN).contentType(ContentType.JSON)
                .body("{}").post("/api/discounts").then().statusCode(400);
    }

    @Test
    void whatBrowsersLoadStaysOpen() {
        given().get("/api/ads/select?count=1").then().statusCode(200);
        given().get("/api/discounts").then().statusCode(200);
        given().get("/api/discounts/teaser").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(404)));
    }

    /**
     * Issue 13, point 1: {@code POST /api/discounts/redeem} with a made-up order number redeemed a code three times
     * without any token. Validate, redeem and release are the storefront's calls now, with the service token; the
     * full list of codes ({@code ?include=all}, a code by id) is the console's.
     */
    @Test
    void redeemingValidatingReleasingAndListingEveryCodeNeedTheToken() {
        long before = fixtures.count("select count(*) from audit_log");
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Map.of("code", "BURNME2", "orderNumber", "FAKE" + i,
                    "customer", "x", "orderTotal", 10)).post("/api/discounts/redeem").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("code", "NOPE-NOPE", "orderTotal", 10))
                .post("/api/discounts/validate").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("orderNumber", "R000000001"))
                .post("/api/discounts/release").then().statusCode(401);
        given().get("/api/discounts?include=all").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/discounts/1").then().statusCode(401);
        given().get("/api/ads/campaigns").then().statusCode(401);
        assertThat(fixtures.count("select count(*) from audit_log")).isEqualTo(before);
        ServiceApi.withToken().body(Map.of("code", "NOPE-NOPE", "orderTotal", 10)).post("/api/discounts/validate")
                .then().statusCode(200).body("valid", equalTo(false));
        ServiceApi.withToken().body("{}").post("/api/discounts/redeem").then().statusCode(400);
    }
}
