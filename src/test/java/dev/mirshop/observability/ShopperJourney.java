package dev.mirshop.observability;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.response.Response;

/**
 * A shopper's journey through whatever the shop serves, for tests that need real traffic behind the metrics
 * (MetricsContractTest, DashboardQueriesTest). Each step reports whether its part of the shop exists: a
 * step whose pages are not there (404, no form) is "absent", and the tests say which metrics that excuses.
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

    private final Map<String, String> cookies = new HashMap<>();
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
        get("/").then().statusCode(200);
        get("/products");
        get("/t/categories/clothing");
        get("/products?keywords=mug");
        given().accept("text/html").get("/products/no-such-product-" + UUID.randomUUID()).then().statusCode(404);
        return Step.ran("browse");
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
        Element ad = null;
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (ad == null && System.nanoTime() < until) {
            ad = page("/").selectFirst("a[href^=/ads/]");
            if (ad == null) {
                org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofMillis(500)).until(() -> true);
            }
        }
        if (ad == null) {
            return Step.absent("ads", "the home page shows no ad link (a[href^=/ads/])");
        }
        int status = given().redirects().follow(false).cookies(cookies).get(ad.attr("href")).statusCode();
        return status == 302 || status == 303 ? Step.ran("ads") : Step.absent("ads", "ad click answered " + status);
    }

    /** POST /cart/add variant_id + quantity (no token: a visitor form), from the first product page that has the form. */
    Step cart() {
        for (Element link : page("/").select("a[href^=/products/]")) {
            Document product = page(link.attr("href"));
            Element form = product.selectFirst("form[action=/cart/add]");
            if (form != null && form.selectFirst("[name=variant_id]") != null) {
                Response response = submit(form, Map.of("quantity", "1"));
                return response.statusCode() < 400 ? Step.ran("cart")
                        : Step.absent("cart", "POST /cart/add answered " + response.statusCode());
            }
        }
        return Step.absent("cart", "no product page with a form[action=/cart/add]");
    }

    /** Applies a code on the cart page (any code: an unknown one is still a validation). */
    Step discount() {
        Document cart = page("/cart");
        Element form = cart.selectFirst("form:has(input[name~=(?i)code|coupon])");
        if (form == null) {
            return Step.absent("discount", "no coupon form on /cart");
        }
        Element field = form.selectFirst("input[name~=(?i)code|coupon]");
        Response response = submit(form, Map.of(field.attr("name"), "JOURNEY-NO-SUCH-CODE"));
        return response.statusCode() < 500 ? Step.ran("discount")
                : Step.absent("discount", "coupon form answered " + response.statusCode());
    }

    /** Guest checkout: address, delivery, payment with card 4111111111111111, confirm. */
    Step checkout() {
        String[] steps = {"/checkout/address", "/checkout/delivery", "/checkout/payment", "/checkout/confirm"};
        for (String path : steps) {
            Document page = page(path);
            Element form = page.selectFirst("form[method=post]:not([action=/logout]):not([action=/cart/add])");
            if (form == null) {
                return Step.absent("checkout", path + " has no form");
            }
            Response response = submit(form, Map.of());
            if (response.statusCode() >= 400) {
                return Step.absent("checkout", path + " answered " + response.statusCode());
            }
        }
        return Step.ran("checkout");
    }

    private Response get(String path) {
        Response response = given().cookies(cookies).accept("text/html").get(path);
        cookies.putAll(response.getCookies());
        return response;
    }

    private Document page(String path) {
        Response response = get(path);
        return Jsoup.parse(response.asString(), "http://localhost" + path);
    }

    /** Fills a form like a careful shopper: keeps hidden values, picks the first option, types plausible text. */
    private Response submit(Element form, Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            String type = input.attr("type").toLowerCase();
            if (input.is("select")) {
                Optional.ofNullable(input.selectFirst("option[selected]")).or(() -> Optional.ofNullable(input.selectFirst("option")))
                        .ifPresent(o -> fields.putIfAbsent(name, o.hasAttr("value") ? o.attr("value") : o.text()));
            } else if (type.equals("radio") || type.equals("checkbox")) {
                if (input.hasAttr("checked") || !fields.containsKey(name)) {
                    fields.put(name, input.attr("value").isEmpty() ? "on" : input.attr("value"));
                }
            } else if (!input.attr("value").isEmpty()) {
                fields.putIfAbsent(name, input.attr("value"));
            } else {
                fields.putIfAbsent(name, plausible(name, type));
            }
        }
        fields.putAll(overrides);
        String action = form.attr("action").isEmpty() ? form.baseUri() : form.attr("action");
        Response response = given().redirects().follow(false).cookies(cookies).contentType("application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").formParams(fields).post(action.replace("http://localhost", ""));
        cookies.putAll(response.getCookies());
        return response;
    }

    private static String plausible(String name, String type) {
        String n = name.toLowerCase();
        if (type.equals("email") || n.contains("email")) {
            return "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        }
        if (n.contains("card") && n.contains("number") || n.equals("number")) {
            return "4111111111111111";
        }
        if (n.contains("cvv") || n.contains("cvc") || n.contains("verification")) {
            return "123";
        }
        if (n.contains("month")) {
            return "12";
        }
        if (n.contains("year")) {
            return "2030";
        }
        if (n.contains("expir")) {
            return "12/30";
        }
        if (n.contains("zip") || n.contains("postal")) {
            return "10001";
        }
        if (n.contains("phone")) {
            return "+12125550100";
        }
        if (n.contains("country")) {
            return "US";
        }
        if (n.contains("state") || n.contains("region")) {
            return "NY";
        }
        if (n.contains("quantity")) {
            return "1";
        }
        return "Journey Tester";
    }
}
