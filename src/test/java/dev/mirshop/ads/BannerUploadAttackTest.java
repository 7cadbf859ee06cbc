package dev.mirshop.ads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mirshop.testing.SendsServiceToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 13, point 7: the old {@code POST /api/ads/campaigns/{id}/ads} stored scripts, event handlers, DTDs, HTML
 * and PNG bytes declared SVG (201), and the inspector missed CSS escapes and namespaced XHTML. That path is gone
 * (issue 15; CampaignAdminApiTest); the one upload path left, {@code POST /api/ads/admin/campaigns/{id}/ads}, refuses
 * each payload with problem JSON and stores nothing.
 */
@QuarkusTest
@ExtendWith(SendsServiceToken.class)
class BannerUploadAttackTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    /** A 1×1 GIF89a. */
    private static final byte[] GIF = Base64.getDecoder().decode(
            "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

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
    void theUploadIsRefused(String name, String svg) {
        assertRefusedAndNothingStored("image/svg+xml", bytes(svg));
    }

    @Test
    void pngBytesDeclaredSvgAreRefused() {
        assertRefusedAndNothingStored("image/svg+xml", PNG);
    }

    /** GIF is not a banner type (docs/marketing.md): neither declared as one nor passed off as a PNG. */
    @Test
    void gifIsRefusedWhateverItIsDeclared() {
        assertThat(assertRefusedAndNothingStored("image/gif", GIF)).isEqualTo("contentType");
        assertThat(assertRefusedAndNothingStored("image/png", GIF)).isEqualTo("image");
        assertThat(assertRefusedAndNothingStored("image/svg+xml", GIF)).isEqualTo("image");
    }

    @Test
    void aPlainPictureIsStoredAndServedUnderTheBannerPolicy() {
        String picture = svg("<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient>"
                + "</defs><rect width=\"600\" height=\"200\" fill=\"url(#g)\" style=\"opacity:.9\"/>"
                + "<text x=\"10\" y=\"50\" font-size=\"30\">Sale</text>");
        long campaign = AdminApi.pausedCampaign();
        Response stored = AdminApi.upload(campaign, "/", "image/svg+xml", bytes(picture));
        assertThat(stored.statusCode()).as(stored.asString()).isEqualTo(201);
        String url = AdminApi.campaignSummary(campaign).then().statusCode(200).extract().jsonPath()
                .getString("ads[0].imageUrl");
        Response banner = given().get(url);
        assertThat(banner.statusCode()).isEqualTo(200);
        assertThat(banner.header("Content-Security-Policy")).contains("default-src 'none'").contains("sandbox");
    }

    /** Answers the field the refusal names. */
    private static String assertRefusedAndNothingStored(String declaredType, byte[] image) {
        long campaign = AdminApi.pausedCampaign();
        Response response = AdminApi.upload(campaign, "/", declaredType, image);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        String field = response.jsonPath().getString("errors[0].field");
        assertThat(field).isIn("image", "contentType");
        assertThat(AdminApi.campaignSummary(campaign).then().statusCode(200).extract().jsonPath().getList("ads"))
                .isEmpty();
        return field;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
