package dev.mirshop.observability;

import static io.restassured.RestAssured.given;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.jsoup.nodes.Element;

import dev.mirshop.platform.loadgen.Shopper;
import io.quarkus.arc.Arc;
import io.restassured.RestAssured;

/**
 * A shopper's journey through whatever the shop serves, for tests that need real traffic behind the metrics
 * (MetricsContractTest, DashboardQueriesTest). Each step reports whether its part of the shop exists: a
 * step whose pages are not there (404, no form) is "absent", and the tests say which metrics that excuses. The
 * walking is the load generator's {@link Shopper} (its cookies, its form filling, its checkout), on the shop's clock.
 * Adding a step: write a method returning {@link Step#ran()} or {@link Step#absent(String)} and list it in {@link #run()}.
 */
public final class ShopperJourney {

    public record Step(String name, boolean present, String note) {
        static Step ran(String name) {
            return new Step(name, true, "");
        }

        static Step absent(String name, String why) {
            return new Step(name, false, why);
        }
    }

    /**
     * Steps that must work on this build: a required step that comes out absent fails the test instead of
     * excusing its metrics. After the merge of cart/checkout/ads/discounts add "ads", "cart", "discount", "checkout".
     */
    public static final java.util.Set<String> REQUIRED = java.util.Set.of("browse", "vitals", "ads", "cart", "discount", "checkout");

    /** One shopper at the application under test, on the shop's clock (RestAssured knows the port inside a test). */
    private final Shopper shopper = Shopper.alone(RestAssured.baseURI + ":" + RestAssured.port,
            Arc.container().instance(Clock.class).get());
    private final List<Step> steps = new ArrayList<>();

    /** Runs every step once, in a shopper's order. */
    public List<Step> run() {
        steps.add(browse());
        steps.add(vitals());
        steps.add(ads());
        steps.add(cart());
        steps.add(discount());
        steps.add(checkout());
        List<String> missingRequired = steps.stream().filter(s -> !s.present() && REQUIRED.contains(s.name()))
                .map(s -> s.name() + ": " + s.note()).toList();
        if (!missingRequired.isEmpty()) {
            throw new AssertionError("required journey steps did not work: " + missingRequired);
        }
        return List.copyOf(steps);
    }

    Step browse() {
        expect(200, "/");
        shopper.get("/products");
        shopper.get("/t/categories/clothing");
        shopper.get("/products?keywords=mug");
        expect(404, "/products/no-such-product-" + UUID.randomUUID());
        return Step.ran("browse");
    }

    private void expect(int status, String path) {
        int answered = shopper.get(path);
        if (answered != status) {
            throw new AssertionError("GET " + path + " answered " + answered + ", expected " + status);
        }
    }

    Step vitals() {
        int status = given().contentType("application/json")
                .body("{\"page\":\"home\",\"metrics\":[{\"name\":\"LCP\",\"value\":1800},{\"name\":\"INP\",\"value\":120},"
                        + "{\"name\":\"CLS\",\"value\":0.02},{\"name\":\"FCP\",\"value\":900},{\"name\":\"TTFB\",\"value\":80}]}")
                .post("/rum/vitals").statusCode();
        return status == 204 ? Step.ran("vitals") : Step.absent("vitals", "POST /rum/vitals answered " + status);
    }

    /**
     * Home and product pages show an ad (an impression); following its /ads/{id}/click link counts a click. The ad
     * is decorative, with a short time budget: on a cold, busy JVM the first pages may render without it (by design),
     * so the home page is asked again for a few seconds.
     */
    Step ads() {
        String ad = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (ad == null && System.nanoTime() < until) {
            ad = shopper.adOnHomePage().orElse(null);
            if (ad == null) {
                Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            }
        }
        if (ad == null) {
            return Step.absent("ads", "the home page shows no ad link (a[href^=/ads/])");
        }
        int status = shopper.get(ad);
        return status == 302 || status == 303 ? Step.ran("ads") : Step.absent("ads", "ad click answered " + status);
    }

    /** POST /cart/add variant_id + quantity (no token: a visitor form), from the first product page that has the form. */
    Step cart() {
        List<Element> links = shopper.page("/").<List<Element>>map(d -> d.select("a[href^=/products/]")).orElse(List.of());
        for (Element link : links) {
            OptionalInt status = shopper.addToCart(link.attr("href"));
            if (status.isPresent()) {
                return status.getAsInt() > 0 && status.getAsInt() < 400 ? Step.ran("cart")
                        : Step.absent("cart", "POST /cart/add answered " + status.getAsInt());
            }
        }
        return Step.absent("cart", "no product page with a form[action=/cart/add]");
    }

    /** Applies a code on the cart page (any code: an unknown one is still a validation). */
    Step discount() {
        Element form = shopper.page("/cart").map(d -> d.selectFirst("form:has(input[name~=(?i)code|coupon])")).orElse(null);
        if (form == null) {
            return Step.absent("discount", "no coupon form on /cart");
        }
        Element field = form.selectFirst("input[name~=(?i)code|coupon]");
        int status = shopper.submit(form, Map.of(field.attr("name"), "JOURNEY-NO-SUCH-CODE"));
        return status > 0 && status < 500 ? Step.ran("discount") : Step.absent("discount", "coupon form answered " + status);
    }

    /** Guest checkout: address, delivery, payment with card 4111111111111111, confirm. */
    Step checkout() {
        return shopper.checkOut().map(why -> Step.absent("checkout", why)).orElse(Step.ran("checkout"));
    }
}
