package dev.mirshop.marketing;

import java.util.Map;

import dev.mirshop.testing.Browser;
import io.restassured.response.Response;

/** The test browser of a console user: logged in, and able to upload a banner as the ad form does. */
class ConsoleBrowser extends Browser {

    static ConsoleBrowser loggedIn(String email, String password) {
        ConsoleBrowser browser = new ConsoleBrowser();
        Response r = browser.logIn(email, password);
        if (r.statusCode() != 303) {
            throw new IllegalStateException("login failed for " + email + ": " + r.statusCode());
        }
        return browser;
    }

    /** The ad form with its banner file (field {@code image}). */
    Response upload(String path, Map<String, String> form, String fileName, String contentType, byte[] file) {
        return upload(path, form, "image", fileName, contentType, file);
    }
}
