package dev.mirshop.storefront.cart;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A shopper's browser for tests: keeps its cookies (mir_cart, mir_csrf), sends the CSRF token with every form and
 * never follows redirects, so tests see each 303.
 */
public class Browser {
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    public Response get(String path) {
        Response response = request().get(path);
        absorb(response);
        return response;
    }

    /** Posts a form with the CSRF token, like a browser submitting a page's form. Pairs: name, value, name, value... */
    public Response post(String path, Object... fields) {
        if (csrfToken == null) {
            get("/cart");
        }
        RequestSpecification spec = request().contentType(ContentType.URLENC).formParam("csrf-token", csrfToken);
        return send(spec, path, fields);
    }

    /** Posts a form without any CSRF token, as a forged cross-site form would. */
    public Response postWithoutCsrf(String path, Object... fields) {
        return send(request().contentType(ContentType.URLENC), path, fields);
    }

    private Response send(RequestSpecification spec, String path, Object... fields) {
        for (int i = 0; i < fields.length; i += 2) {
            spec = spec.formParam((String) fields[i], fields[i + 1]);
        }
        Response response = spec.post(path);
        absorb(response);
        return response;
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).accept("text/html").cookies(cookies);
    }

    public String cartToken() {
        return cookies.get(CartCookie.NAME);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public Browser addToCart(long variantId, int quantity) {
        Response r = post("/cart/add", "variant_id", variantId, "quantity", quantity);
        if (r.statusCode() != 303) {
            throw new AssertionError("add to cart answered " + r.statusCode() + ": " + r.asString());
        }
        return this;
    }

    public Browser fillAddress() {
        Response r = post("/checkout/address", "email", "guest@example.test", "name", "Grace Guest", "line1",
                "10 Downing Lane", "line2", "", "city", "Springfield", "zip", "62704", "country", "US", "phone", "");
        expectRedirect(r, "/checkout/delivery");
        return this;
    }

    public Browser chooseDelivery(String code) {
        expectRedirect(post("/checkout/delivery", "shipping_method", code), "/checkout/payment");
        return this;
    }

    public Browser payByCard(String number) {
        expectRedirect(post("/checkout/payment", "payment_method", "card", "card_number", number, "card_expiry",
                "12/" + (java.time.Year.now().getValue() % 100 + 2), "card_cvc", "123"), "/checkout/confirm");
        return this;
    }

    public Browser payOnDelivery() {
        expectRedirect(post("/checkout/payment", "payment_method", "cod"), "/checkout/confirm");
        return this;
    }

    public static void expectRedirect(Response r, String location) {
        if (r.statusCode() != 303 || !location.equals(r.header("Location"))) {
            throw new AssertionError("expected 303 to " + location + " but got " + r.statusCode() + " "
                    + r.header("Location") + ": " + r.asString());
        }
    }

    public static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    private void absorb(Response response) {
        for (Cookie cookie : response.getDetailedCookies()) {
            if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        String contentType = response.contentType();
        if (contentType != null && contentType.contains("html")) {
            Element field = Jsoup.parse(response.asString()).selectFirst("input[name=csrf-token]");
            if (field != null) {
                csrfToken = field.attr("value");
            }
        }
        if (csrfToken == null && cookies.containsKey("mir_csrf")) {
            csrfToken = cookies.get("mir_csrf");
        }
    }
}
