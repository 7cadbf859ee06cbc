package dev.mirshop.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Pins the metric names of docs/metrics.md: after a shopper journey, every name the doc lists is served at
 * /q/metrics, unless it comes from a journey step that this build does not have yet (reported, never silent).
 */
@QuarkusTest
class MetricsContractTest {

    @Test
    void everyDocumentedMetricIsServedAfterAShopperJourney() throws Exception {
        List<MetricsDoc.Row> rows = MetricsDoc.rows();
        assertThat(rows).as("metric rows parsed from docs/metrics.md").hasSizeGreaterThan(30);
        assertThat(rows).extracting(MetricsDoc.Row::step).allMatch(step -> Set.of("startup", "browse", "vitals", "ads",
                "cart", "discount", "checkout", "external").contains(step));

        List<ShopperJourney.Step> steps = new ShopperJourney().run();
        Set<String> ran = steps.stream().filter(ShopperJourney.Step::present).map(ShopperJourney.Step::name).collect(Collectors.toSet());
        ran.add("startup");
        steps.stream().filter(s -> !s.present()).forEach(s -> System.out.println("[journey] step absent on this build: " + s.name() + " (" + s.note() + ")"));

        System.gc(); // GC pauses are served from the first collection on, which a test run alone may not have had yet
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> missing = rows.stream().filter(r -> ran.contains(r.step()))
                .map(MetricsDoc.Row::name).filter(name -> !served(metrics, name)).toList();
        assertThat(missing).as("documented metrics missing from /q/metrics").isEmpty();
        rows.stream().filter(r -> !ran.contains(r.step()) && !r.step().equals("external"))
                .forEach(r -> System.out.println("[metrics] not checked, journey step '" + r.step() + "' absent: " + r.name()));
    }

    @Test
    void everyMeterCarriesServiceEnvAndVersion() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("shop_orders_placed_total{");
        List<String> shopSamples = metrics.lines().filter(l -> l.startsWith("shop_")).toList();
        assertThat(shopSamples).isNotEmpty().allMatch(l -> l.contains("service=\"all\"") && l.contains("env=\"local\"")
                && l.contains("version=\"1.0.0-SNAPSHOT\""));
    }

    @Test
    void httpServerMetricsUseRouteTemplatesNotRawUrls() {
        String slug = "never-seen-" + System.nanoTime();
        given().accept("text/html").get("/products/" + slug);
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds_bucket{").doesNotContain(slug);
    }

    @Test
    void checkoutFunnelAndDiscountResultsExistAtZeroBeforeTraffic() {
        String metrics = given().get("/q/metrics").then().extract().asString();
        for (String step : StorefrontMeters.CHECKOUT_STEPS) {
            assertThat(metrics).containsPattern("shop_checkout_step_total\\{[^}]*step=\"" + step + "\"");
        }
        assertThat(metrics).containsPattern("shop_discount_validations_total\\{[^}]*result=\"expired\"");
        assertThat(metrics).containsPattern("shop_revenue_total\\{[^}]*currency=\"USD\"");
    }

    static boolean served(String metrics, String name) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(metrics).find();
    }
}
