package dev.mirshop.delivery;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper in a browser-less session through the "load balancer": each request goes to the container the rendered
 * Ingress routes its path to, with X-Forwarded-Proto: https as the ALB sends it: home, product page, add to cart, discount code, guest checkout paid on delivery.
 * Every step asserts what the shopper sees.
 */
final class ContainerShopper {

    /** Which container serves a path: the rendered Ingress's rules, as the load balancer applies them. */
    private final Function<String, String> baseUrlForPath;
    private final Map<String, String> cookies = new HashMap<>();

    ContainerShopper(Function<String, String> baseUrlForPath) {
        this.baseUrlForPath = baseUrlForPath;
    }

    RequestSpecification request(String path) {
        return given().baseUri(baseUrlForPath.apply(path)).header("X-Forwarded-Proto", "https").cookies(cookies)
                .redirects().follow(false);
    }

    Document page(String path) {
        Response response = request(path).accept("text/html").get(path);
        assertThat(response.statusCode()).as("GET " + path + ":\n" + response.asString()).isEqualTo(200);
        cookies.putAll(response.getCookies());
        return Jsoup.parse(response.asString(), "http://shop" + path);
    }

    /** Submits a form with its own hidden fields (CSRF token included) plus the given values; expects a redirect. */
    String submit(Element form, Map<String, String> values) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type");
            if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) {
                continue;
            }
            if (input.is("select")) {
                Element option = input.selectFirst("option[selected]");
                option = option == null ? input.selectFirst("option") : option;
                fields.put(input.attr("name"), option == null ? "" : option.attr("value"));
            } else {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        fields.putAll(values);
        String action = form.attr("action");
        Response response = request(action).contentType("application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").formParams(fields).post(action); // as a browser says it
        cookies.putAll(response.getCookies());
        assertThat(response.statusCode()).as("POST " + action + " " + fields.keySet() + ":\n" + response.asString())
                .isBetween(300, 399);
        return response.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    /** Walks the journey; returns the order number shown on the confirmation page. */
    String buyWithCode(String code) {
        Document home = page("/");
        Element productLink = home.selectFirst("a[href^=/products/]");
        assertThat(productLink).as("a product on the home page").isNotNull();
        Document product = page(productLink.attr("href"));
        Element addToCart = product.selectFirst("form[action=/cart/add]");
        assertThat(addToCart).as("add-to-cart form on " + productLink.attr("href")).isNotNull();
        submit(addToCart, Map.of("quantity", "1"));

        Element couponForm = page("/cart").selectFirst("form[action=/cart/coupon]");
        assertThat(couponForm).as("discount code form on /cart").isNotNull();
        submit(couponForm, Map.of("code", code));
        Document cart = page("/cart");
        assertThat(cart.select(".cart-discount .discount-code").text()).as("code applied on /cart").isEqualTo(code);

        submit(page("/checkout/address").selectFirst("form[action=/checkout/address]"), Map.of(
                "email", "container-shopper@example.com", "name", "Container Shopper", "line1", "1 Test Street",
                "city", "New York", "zip", "10001", "phone", "+12125550100"));
        submit(page("/checkout/delivery").selectFirst("form[action=/checkout/delivery]"), Map.of());
        submit(page("/checkout/payment").selectFirst("form[action=/checkout/payment]"), Map.of("payment_method", "cod"));
        String orderPage = submit(page("/checkout/confirm").selectFirst("form[action=/checkout/confirm]"), Map.of());
        String number = page(orderPage).select("[data-order-number]").text();
        assertThat(number).as("order number on " + orderPage).isNotBlank();
        return number;
    }

    /** The home page's ad, followed like a click: the ad service answers with a redirect to the ad's target. */
    void clickTheAd() {
        Element ad = page("/").selectFirst("a[href^=/ads/]");
        assertThat(ad).as("an ad on the home page").isNotNull();
        int status = request(ad.attr("href")).get(ad.attr("href")).statusCode();
        assertThat(status).as("GET " + ad.attr("href")).isIn(302, 303);
    }
}
