package dev.mirshop.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.mirshop.testing.ShopTime;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The RUM partial as the server renders it, with RUM configured (RumEnabledProfile). */
@QuarkusTest
@TestProfile(RumEnabledProfile.class)
class RumSnippetTest {

    @Test
    void theAsyncSnippetLoadsTheV6SdkForTheConfiguredSite() {
        Document page = home();
        String script = rumScript(page);
        assertThat(script).contains("'https://www.datadoghq-browser-agent.com/eu1/v6/datadog-rum.js'".replace('\'', '"'))
                .contains("window.DD_RUM.onReady(").contains("window.DD_RUM.init(options)")
                .contains("\"applicationId\":\"" + RumEnabledProfile.APPLICATION_ID + "\"")
                .contains("\"clientToken\":\"" + RumEnabledProfile.CLIENT_TOKEN + "\"")
                .contains("\"defaultPrivacyLevel\":\"mask-user-input\"");
    }

    @Test
    void configuredValuesCannotBreakOutOfTheScript() {
        Document page = home();
        assertThat(page.select("script").stream().map(Element::data)).noneMatch(s -> s.contains("window.pwned=1</script>"));
        String script = rumScript(page);
        assertThat(script).doesNotContain("</script>").doesNotContain("<!--")
                .contains("mir-shop-web\\u003c/script\\u003e");
    }

    @Test
    void thePageCarriesItsServerTraceForTheRumView() {
        ShopTime.at(ShopTime.LEAP_DAY);
        Document page = home();
        String traceId = page.selectFirst("meta[name=dd-trace-id]").attr("content");
        String traceTime = page.selectFirst("meta[name=dd-trace-time]").attr("content");
        String traceparent = page.selectFirst("meta[name=traceparent]").attr("content");
        assertThat(traceId).matches("[1-9][0-9]{0,19}");
        assertThat(Long.parseLong(traceTime)).as("rendered at, on the shop's clock")
                .isEqualTo(ShopTime.LEAP_DAY.instant().toEpochMilli());
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(TraceIds.datadogId(traceparent.substring(3, 35))).isEqualTo(traceId);
        assertThat(home().selectFirst("meta[name=dd-trace-id]").attr("content")).as("a new trace per page view").isNotEqualTo(traceId);
    }

    @Test
    void pagesWithThisRequestsTraceAreNeverKeptByASharedCache() {
        for (String path : java.util.List.of("/", "/products/oxford-button-down-shirt", "/t/categories/clothing",
                "/products?keywords=shirt")) {
            io.restassured.response.Response page = given().get(path).then().statusCode(200).extract().response();
            assertThat(Jsoup.parse(page.asString()).select("meta[name=dd-trace-id]")).as(path).isNotEmpty();
            assertThat(page.header("Cache-Control")).as(path).isEqualTo("private, no-cache");
        }
    }

    @Test
    void anIncomingTraceparentIsContinued() {
        String incoming = "4bf92f3577b34da6a3ce929d0e0e4736";
        Document page = Jsoup.parse(given().header("traceparent", "00-" + incoming + "-00f067aa0ba902b7-01").get("/")
                .then().statusCode(200).extract().asString());
        assertThat(page.selectFirst("meta[name=traceparent]").attr("content")).startsWith("00-" + incoming + "-");
        assertThat(page.selectFirst("meta[name=dd-trace-id]").attr("content")).isEqualTo(TraceIds.datadogId(incoming));
    }

    /** The pages' CSP (platform.web.SecurityHeaders) runs this loader, by its hash, and lets the SDK reach the proxy. */
    @Test
    void thePagesPolicyAllowsTheLoaderByItsHashAndTheProxy() throws NoSuchAlgorithmException {
        var answer = given().get("/").then().statusCode(200).extract();
        String loader = rumScript(Jsoup.parse(answer.asString()));
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(loader.getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.header("Content-Security-Policy"))
                .contains("script-src 'self' 'sha256-" + hash + "' https://www.datadoghq-browser-agent.com;")
                .contains("connect-src 'self' https://rum-proxy.example.com;");
    }

    private static Document home() {
        return Jsoup.parse(given().get("/").then().statusCode(200).extract().asString());
    }

    private static String rumScript(Document page) {
        return page.select("script").stream().map(Element::data).filter(s -> s.contains("DD_RUM")).findFirst().orElseThrow();
    }
}
