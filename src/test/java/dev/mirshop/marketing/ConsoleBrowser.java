package dev.mirshop.marketing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A tiny browser for console tests: keeps cookies, picks up the CSRF field of the last page, never follows redirects. */
class ConsoleBrowser {
    final Map<String, String> cookies = new HashMap<>();
    String csrfToken;

    Response get(String path) {
        Response response = request().get(path);
        absorb(response);
        return response;
    }

    Document page(String path) {
        return Jsoup.parse(get(path).asString());
    }

    Response post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrfToken != null) {
            fields.put("csrf-token", csrfToken);
        }
        Response response = request().contentType("application/x-www-form-urlencoded").formParams(fields).post(path);
        absorb(response);
        return response;
    }

    Response postWithoutCsrf(String path, Map<String, String> form) {
        Response response = request().contentType("application/x-www-form-urlencoded").formParams(form).post(path);
        absorb(response);
        return response;
    }

    /** A multipart form with one file, as a browser sends the banner upload form. */
    Response upload(String path, Map<String, String> form, String fileName, String contentType, byte[] file) {
        RequestSpecification spec = request().contentType("multipart/form-data");
        for (var field : form.entrySet()) {
            spec = spec.multiPart(field.getKey(), field.getValue());
        }
        if (csrfToken != null) {
            spec = spec.multiPart("csrf-token", csrfToken);
        }
        Response response = spec.multiPart("image", fileName, file, contentType).post(path);
        absorb(response);
        return response;
    }

    ConsoleBrowser logIn(String email, String password) {
        get("/login");
        Response r = post("/login", Map.of("email", email, "password", password));
        if (r.statusCode() != 303) {
            throw new IllegalStateException("login failed for " + email + ": " + r.statusCode());
        }
        return this;
    }

    private RequestSpecification request() {
        return given().redirects().follow(false).accept("text/html").cookies(cookies);
    }

    private void absorb(Response response) {
        for (Cookie c : response.detailedCookies()) {
            if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        }
        String type = response.getContentType();
        if (type != null && type.contains("html")) {
            Element field = Jsoup.parse(response.asString()).selectFirst("input[name=csrf-token]");
            if (field != null) {
                csrfToken = field.attr("value");
            }
        }
    }
}
