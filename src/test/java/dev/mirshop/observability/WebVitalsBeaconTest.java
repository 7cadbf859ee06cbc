package dev.mirshop.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebVitalsBeaconTest {

    @Test
    void aValidBeaconMovesEachHistogramOfItsTemplate() {
        double lcp = count("shop_web_vitals_lcp_seconds_count", "cart");
        double cls = count("shop_web_vitals_cls_count", "cart");
        double ttfbSum = count("shop_web_vitals_ttfb_seconds_sum", "cart");
        double lcpOtherTemplate = count("shop_web_vitals_lcp_seconds_count", "product");

        given().contentType("application/json")
                .body("{\"page\":\"cart\",\"metrics\":[{\"name\":\"LCP\",\"value\":2100},{\"name\":\"CLS\",\"value\":0.05},"
                        + "{\"name\":\"TTFB\",\"value\":250}]}")
                .post("/rum/vitals").then().statusCode(204);

        assertThat(count("shop_web_vitals_lcp_seconds_count", "cart")).isEqualTo(lcp + 1);
        assertThat(count("shop_web_vitals_cls_count", "cart")).isEqualTo(cls + 1);
        assertThat(count("shop_web_vitals_ttfb_seconds_sum", "cart")).isCloseTo(ttfbSum + 0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(count("shop_web_vitals_lcp_seconds_count", "product")).isEqualTo(lcpOtherTemplate);
    }

    @Test
    void sendBeaconsTextPlainBodyIsAcceptedToo() {
        double before = count("shop_web_vitals_inp_seconds_count", "product");
        given().contentType("text/plain").body("{\"page\":\"product\",\"metrics\":[{\"name\":\"INP\",\"value\":180}]}")
                .post("/rum/vitals").then().statusCode(204);
        assertThat(count("shop_web_vitals_inp_seconds_count", "product")).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[]",
            "{}",
            "{\"page\":\"product\"}",
            "{\"page\":\"product\",\"metrics\":[]}",
            "{\"page\":\"/admin\",\"metrics\":[{\"name\":\"LCP\",\"value\":1000}]}",
            "{\"page\":null,\"metrics\":[{\"name\":\"LCP\",\"value\":1000}]}",
            "{\"page\":\"product\",\"metrics\":[{\"name\":\"FID\",\"value\":10}]}",
            "{\"page\":\"product\",\"metrics\":[{\"name\":\"LCP\",\"value\":-5}]}",
            "{\"page\":\"product\",\"metrics\":[{\"name\":\"LCP\",\"value\":99999999}]}",
            "{\"page\":\"product\",\"metrics\":[{\"name\":\"LCP\",\"value\":\"fast\"}]}",
            "{\"page\":\"product\",\"metrics\":[{\"name\":\"CLS\",\"value\":1e308}]}",
            "{\"page\":\"product\",\"metrics\":[{\"name\":\"LCP\",\"value\":1000},{\"name\":\"LCP\",\"value\":-1}]}",
            "{\"page\":\"product\",\"metrics\":[{\"name\":\"LCP\"}]}"
    })
    void garbageIsA400AndTouchesNoMetric(String body) {
        String before = vitalsSamples();
        given().contentType("application/json").body(body).post("/rum/vitals").then().statusCode(400);
        assertThat(vitalsSamples()).isEqualTo(before);
    }

    @Test
    void aHugeBodyIsA413AndTouchesNoMetric() {
        String before = vitalsSamples();
        String padding = "x".repeat(5000);
        given().contentType("application/json")
                .body("{\"page\":\"product\",\"pad\":\"" + padding + "\",\"metrics\":[{\"name\":\"LCP\",\"value\":1000}]}")
                .post("/rum/vitals").then().statusCode(413);
        assertThat(vitalsSamples()).isEqualTo(before);
    }

    @Test
    void tooManyMeasurementsAreRefused() {
        String before = vitalsSamples();
        String many = "{\"name\":\"CLS\",\"value\":0.01},".repeat(11);
        given().contentType("application/json").body("{\"page\":\"product\",\"metrics\":[" + many.substring(0, many.length() - 1) + "]}")
                .post("/rum/vitals").then().statusCode(400);
        assertThat(vitalsSamples()).isEqualTo(before);
    }

    @Test
    void onlyPostIsAccepted() {
        given().get("/rum/vitals").then().statusCode(405);
    }

    @Test
    void pagesLoadTheVendoredLibraryAndTheBeaconScriptButNoRumWhenNotConfigured() {
        String home = given().get("/").then().statusCode(200).extract().asString();
        assertThat(home).contains("<script src=\"/js/vendor/web-vitals.iife.js\" defer></script>")
                .contains("<script src=\"/js/shop-vitals.js\" defer></script>")
                .contains("<body data-page=\"home\">")
                .doesNotContain("DD_RUM").doesNotContain("dd-trace-id");
        given().get("/js/vendor/web-vitals.iife.js").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("webVitals"));
        given().get("/js/shop-vitals.js").then().statusCode(200);
        given().get("/js/rum-actions.js").then().statusCode(200);
    }

    private static String vitalsSamples() {
        return given().get("/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith("shop_web_vitals_")).reduce("", (a, b) -> a + b + "\n");
    }

    static double count(String sample, String template) {
        String metrics = given().get("/q/metrics").then().extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + "\\{[^}]*template=\"" + template + "\"[^}]*\\} (\\S+)(?: .*)?$").matcher(metrics);
        assertThat(m.find()).as(sample + " for " + template + " in:\n"
                + metrics.lines().filter(l -> l.startsWith(sample) && l.contains("\"" + template + "\"")).collect(java.util.stream.Collectors.joining("\n"))).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
