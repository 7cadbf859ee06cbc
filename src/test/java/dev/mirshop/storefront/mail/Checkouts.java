package dev.mirshop.storefront.mail;

import dev.mirshop.storefront.cart.Browser;
import io.restassured.response.Response;

/** A guest (or logged-in shopper) checking out with an address of the test's own. */
public final class Checkouts {

    private Checkouts() {
    }

    public static Browser address(Browser browser, String email) {
        Browser.expectRedirect(browser.post("/checkout/address", "email", email, "name", "Mia Mailer", "line1",
                "7 Post Office Row", "line2", "Flat 2", "city", "Letterton", "zip", "10115", "country", "US", "phone", ""),
                "/checkout/delivery");
        return browser;
    }

    /** Places the order (address, standard delivery, card) and returns the order page's path. */
    public static String placeOrder(Browser browser, String email) {
        address(browser, email).chooseDelivery("standard").payByCard("4111 1111 1111 1111");
        Response placed = browser.post("/checkout/confirm");
        if (placed.statusCode() != 303) {
            throw new AssertionError("placing the order answered " + placed.statusCode() + ": " + placed.asString());
        }
        return placed.header("Location");
    }
}
