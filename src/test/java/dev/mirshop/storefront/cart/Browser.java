package dev.mirshop.storefront.cart;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.http.ContentType;
import dev.mirshop.testing.ShopTime;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A shopper's browser for cart and checkout tests: the shared test browser plus forms given as name/value pairs
 * and the steps of a checkout.
 */
public class Browser extends dev.mirshop.testing.Browser {

    public Browser() {
    }

    private Browser(String clientAddress) {
        super(clientAddress);
    }

    /** This browser behind the trusted proxy for a client address of its own (see the shared browser's from). */
    public static Browser from(String clientAddress) {
        return new Browser(clientAddress);
    }

    /** Posts a form with the CSRF token, like a browser submitting a page's form. Pairs: name, value, name, value... */
    public Response post(String path, Object... fields) {
        ensureCsrfToken();
        return send(request().contentType(ContentType.URLENC).formParam(CSRF_FIELD, csrfToken), path, fields);
    }

    /** Posts a form without any CSRF token, as a forged cross-site form would. */
    public Response postWithoutCsrf(String path, Object... fields) {
        return send(request().contentType(ContentType.URLENC), path, fields);
    }

    private Response send(RequestSpecification spec, String path, Object... fields) {
        for (int i = 0; i < fields.length; i += 2) {
            spec = spec.formParam((String) fields[i], fields[i + 1]);
        }
        return send(spec, path);
    }

    public String cartToken() {
        return cookies.get(CartCookie.NAME);
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
                ShopTime.cardExpiry(ShopTime.thisMonth().plusYears(2)), "card_cvc", "123"), "/checkout/confirm");
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
}
