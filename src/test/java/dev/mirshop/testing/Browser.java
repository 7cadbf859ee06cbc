package dev.mirshop.testing;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A tiny browser for rest-assured tests: keeps its cookies, picks up the CSRF field of the last HTML page (or the
 * CSRF cookie), sends it with every form, and never follows redirects, so tests see each 303.
 */
public class Browser {

    public static final String CSRF_FIELD = "csrf-token";

    public final Map<String, String> cookies = new LinkedHashMap<>();
    public final Map<String, String> headers = new LinkedHashMap<>();
    protected String csrfToken;

    public Browser() {
    }

    protected Browser(String clientAddress) {
        headers.put("X-Forwarded-For", clientAddress);
    }

    /**
     * A browser behind the trusted proxy (127.0.0.1 in tests) for a client address of its own, so that what the shop
     * throttles per client (logins, resets, order lookups) counts this browser alone.
     */
    public static Browser from(String clientAddress) {
        return new Browser(clientAddress);
    }

    public Response get(String path) {
        Response response = request().get(path);
        absorb(response);
        return response;
    }

    public Document page(String path) {
        return Jsoup.parse(get(path).asString());
    }

    /** Posts a form with the CSRF token of the last page that had one, like a browser submitting that page's form. */
    public Response post(String path, Map<String, String> form) {
        ensureCsrfToken();
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrfToken != null) {
            fields.put(CSRF_FIELD, csrfToken);
        }
        return send(request().contentType("application/x-www-form-urlencoded").formParams(fields), path);
    }

    /** Posts a form without any CSRF token, as a forged cross-site form would. */
    public Response postWithoutCsrf(String path, Map<String, String> form) {
        return send(request().contentType("application/x-www-form-urlencoded").formParams(form), path);
    }

    /** A multipart form with one file, as a browser sends an upload form. */
    public Response upload(String path, Map<String, String> form, String fileField, String fileName,
            String contentType, byte[] file) {
        RequestSpecification spec = request().contentType("multipart/form-data");
        for (var field : form.entrySet()) {
            spec = spec.multiPart(field.getKey(), field.getValue());
        }
        ensureCsrfToken();
        spec = spec.multiPart(CSRF_FIELD, csrfToken);
        return send(spec.multiPart(fileField, fileName, file, contentType), path);
    }

    /** The token of the last page with a form; without one yet, a page that always has a form is opened first. */
    public String csrfToken() {
        ensureCsrfToken();
        return csrfToken;
    }

    protected void ensureCsrfToken() {
        if (csrfToken == null) {
            Response login = get("/login");
            if (csrfToken == null && login.statusCode() == 303) {
                get("/account");
            }
        }
    }

    /** Forgets the token, as after a login the pages carry a new one. */
    public void forgetCsrfToken() {
        csrfToken = null;
    }

    public Response logIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).accept("text/html").cookies(cookies).headers(headers);
    }

    protected Response send(RequestSpecification spec, String path) {
        Response response = spec.post(path);
        absorb(response);
        return response;
    }

    private void absorb(Response response) {
        for (Cookie c : response.detailedCookies()) {
            if (c.getName().equals("mir_session")) {
                csrfToken = null; // tokens are bound to the login session: the next page carries a new one
            }
            if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        }
        String type = response.getContentType();
        if (type != null && type.contains("html")) {
            Element field = Jsoup.parse(response.asString()).selectFirst("input[name=" + CSRF_FIELD + "]");
            if (field != null) {
                csrfToken = field.attr("value");
            }
        }
    }
}
