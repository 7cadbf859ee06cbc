package dev.mirshop.storefront.account;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A tiny browser for tests: keeps cookies, picks up the CSRF field of the last page, never follows redirects. */
class Browser {
    final Map<String, String> cookies = new HashMap<>();
    final Map<String, String> headers = new HashMap<>();
    String csrfToken;

    Response get(String path) {
        Response response = request().get(path);
        absorb(response);
        return response;
    }

    /** Posts a form with the CSRF token of the last page that had one (GET a form page first). */
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

    Response logIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    private RequestSpecification request() {
        return given().redirects().follow(false).accept("text/html").cookies(cookies).headers(headers);
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
