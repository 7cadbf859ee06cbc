package dev.mirshop.ads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mirshop.testing.SendsServiceToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 13, point 7: the old {@code POST /api/ads/campaigns/{id}/ads} stored scripts, event handlers, DTDs, HTML
 * and PNG bytes declared SVG (201), and the inspector missed CSS escapes and namespaced XHTML. Both upload paths
 * now go through one service and one allow-list; each payload is refused on each path and nothing is stored.
 */
@QuarkusTest
@ExtendWith(SendsServiceToken.class)
class BannerUploadAttackTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    static String svg(String inner) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"600\""
                + " height=\"200\">" + inner + "</svg>";
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("script", svg("<script>alert(document.cookie)</script>")),
                Arguments.of("onload", svg("<rect width=\"10\" height=\"10\" onload=\"alert(1)\"/>")),
                Arguments.of("root onload", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\" onload=\"alert(1)\"/>"),
                Arguments.of("DOCTYPE / XXE", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + svg("<text>&x;</text>")),
                Arguments.of("foreignObject", svg("<foreignObject width=\"9\" height=\"9\"><div xmlns=\"" + XHTML
                        + "\">hi</div></foreignObject>")),
                Arguments.of("h:meta refresh", svg("<h:meta xmlns:h=\"" + XHTML
                        + "\" http-equiv=\"refresh\" content=\"0;url=https://evil.example\"/>")),
                Arguments.of("h:img", svg("<h:img xmlns:h=\"" + XHTML + "\" src=\"x\"/>")),
                Arguments.of("h:form", svg("<h:form xmlns:h=\"" + XHTML + "\" action=\"https://evil.example\"/>")),
                Arguments.of("CSS escape url", svg("<rect width=\"9\" height=\"9\" style=\"fill:\\75rl(https://evil.example/x)\"/>")),
                Arguments.of("CSS escape import", svg("<style>@im\\70ort 'https://evil.example/x.css';</style>")),
                Arguments.of("CSS import", svg("<style>@import url(https://evil.example/x.css);</style>")),
                Arguments.of("CSS url", svg("<style>rect { fill: url(https://evil.example/x) }</style>")),
                Arguments.of("CSS font-face", svg("<style>@font-face { font-family: x; src: local(x) }</style>")),
                Arguments.of("use outside", svg("<use href=\"https://evil.example/x.svg#a\"/>")),
                Arguments.of("xlink use outside", svg("<use xlink:href=\"https://evil.example/x.svg#a\"/>")),
                Arguments.of("image outside", svg("<image href=\"https://evil.example/x.png\" width=\"9\" height=\"9\"/>")),
                Arguments.of("anchor javascript", svg("<a href=\"javascript:alert(1)\"><text>x</text></a>")),
                Arguments.of("set href", svg("<set attributeName=\"href\" to=\"javascript:alert(1)\"/>")),
                Arguments.of("animate href", svg("<animate attributeName=\"xlink:href\" values=\"javascript:alert(1)\"/>")),
                Arguments.of("feImage", svg("<filter id=\"f\"><feImage href=\"https://evil.example/x\"/></filter>")),
                Arguments.of("stylesheet PI", "<?xml-stylesheet href=\"https://evil.example/x.css\"?>" + svg("")),
                Arguments.of("data text/html", svg("<use href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\"/>")),
                Arguments.of("other namespace attribute", svg("<rect xmlns:ev=\"http://www.w3.org/2001/xml-events\""
                        + " ev:event=\"click\" width=\"9\" height=\"9\"/>")),
                Arguments.of("HTML declared SVG", "<html><body><svg><script>alert(1)</script></svg></body></html>"),
                Arguments.of("iframe", svg("<iframe src=\"https://evil.example\"/>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theOldApiRefusesIt(String name, String svg) {
        assertRefused(oldUpload(AdApiTest.pausedCampaign(), "image/svg+xml", bytes(svg)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theAdminApiRefusesIt(String name, String svg) {
        assertRefused(adminUpload(adminCampaign(), "image/svg+xml", bytes(svg)));
    }

    @Test
    void pngBytesDeclaredSvgAreRefusedOnBothPaths() {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        assertRefused(oldUpload(AdApiTest.pausedCampaign(), "image/svg+xml", png));
        assertRefused(adminUpload(adminCampaign(), "image/svg+xml", png));
    }

    @Test
    void aPlainPictureIsStoredAndServedUnderTheBannerPolicy() {
        String picture = svg("<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient>"
                + "</defs><rect width=\"600\" height=\"200\" fill=\"url(#g)\" style=\"opacity:.9\"/>"
                + "<text x=\"10\" y=\"50\" font-size=\"30\">Sale</text>");
        long campaign = AdApiTest.pausedCampaign();
        Response stored = oldUpload(campaign, "image/svg+xml", bytes(picture));
        assertThat(stored.statusCode()).as(stored.asString()).isEqualTo(201);
        String url = given().get("/api/ads/admin/campaigns/" + campaign).then().statusCode(200).extract().jsonPath()
                .getString("ads[0].imageUrl");
        Response banner = given().get(url);
        assertThat(banner.statusCode()).isEqualTo(200);
        assertThat(banner.header("Content-Security-Policy")).contains("default-src 'none'").contains("sandbox");
    }

    private static void assertRefused(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("errors[0].field")).isIn("image", "contentType");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long adminCampaign() {
        return given().contentType(ContentType.JSON).body(Map.of("name", AdApiTest.unique("Attack"), "priority", 0))
                .post("/api/ads/admin/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Response oldUpload(long campaign, String type, byte[] image) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Attack", "altText", "Attack", "targetPath", "/",
                "weight", 1, "bannerName", AdApiTest.unique("attack") + ".svg", "contentType", type,
                "imageBase64", Base64.getEncoder().encodeToString(image)));
        return given().contentType(ContentType.JSON).body(body).post("/api/ads/campaigns/" + campaign + "/ads");
    }

    private static Response adminUpload(long campaign, String type, byte[] image) {
        return given().contentType(ContentType.JSON).body(Map.of("title", "Attack", "altText", "Attack",
                "targetPath", "/", "weight", 1, "contentType", type,
                "imageBase64", Base64.getEncoder().encodeToString(image)))
                .post("/api/ads/admin/campaigns/" + campaign + "/ads");
    }
}
