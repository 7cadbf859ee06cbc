package dev.mirshop.storefront.account;

import dev.mirshop.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class AccountPageTest {

    @Inject
    Fixtures db;

    private Browser loggedIn(String email) {
        Browser browser = new Browser();
        assertThat(browser.logIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    private static Map<String, String> address(String name, String line1, String city, String zip, String country) {
        Map<String, String> form = new HashMap<>();
        form.put("address_name", name);
        form.put("address_line1", line1);
        form.put("address_line2", "");
        form.put("address_city", city);
        form.put("address_zip", zip);
        form.put("address_country", country);
        form.put("address_phone", "");
        return form;
    }

    @Test
    void anonymousShoppersAreSentToLogin() {
        Response response = new Browser().get("/account");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/login?return=/account");
    }

    @Test
    void anonymousAddressPostIsSentToLogin() {
        Browser browser = new Browser();
        browser.get("/login");
        Response response = browser.post("/account/address", address("A", "1 Road", "Town", "12345", "US"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/login?return=/account");
    }

    @Test
    void profileShowsNameEmailAndMemberSince() {
        String email = Fixtures.uniqueEmail("profile");
        db.account(email, "Profile <b>Person</b>");
        Browser browser = loggedIn(email);
        Response response = browser.get("/account");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("[data-profile=name]").text()).isEqualTo("Profile <b>Person</b>");
        assertThat(page.select("[data-profile=name] b")).as("HTML in a name is escaped").isEmpty();
        assertThat(page.select("[data-profile=email]").text()).isEqualTo(email);
        assertThat(page.select("[data-profile=since]").text()).matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}");
        assertThat(page.select("select[name=address_country] option[selected]").val()).isEqualTo("US");
        assertThat(page.select("[data-no-orders]")).isNotEmpty();
    }

    @Test
    void addressIsSavedAndShownAgain() {
        String email = Fixtures.uniqueEmail("address");
        long id = db.account(email, "Address Owner");
        Browser browser = loggedIn(email);
        browser.get("/account");
        Map<String, String> form = address("Address Owner", "221B Baker Street", "London", "NW1 6XE", "GB");
        form.put("address_phone", "+44 20 7946 0000");

        Response response = browser.post("/account/address", form);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/account?saved=address");
        List<Object[]> rows = db.rows("select address_line1, address_city, address_zip, address_country, address_phone, "
                + "address_line2 from accounts where id = ?", id);
        assertThat(rows.get(0)).containsExactly("221B Baker Street", "London", "NW1 6XE", "GB", "+44 20 7946 0000", null);
        Document page = Jsoup.parse(browser.get("/account?saved=address").asString());
        assertThat(page.select(".alert-success").text()).contains("saved");
        assertThat(page.select("input[name=address_line1]").val()).isEqualTo("221B Baker Street");
        assertThat(page.select("select[name=address_country] option[selected]").val()).isEqualTo("GB");
    }

    @Test
    void invalidAddressIsRefusedWithMessagesAndNothingSaved() {
        String email = Fixtures.uniqueEmail("badaddress");
        long id = db.account(email, "Bad Address");
        Browser browser = loggedIn(email);
        browser.get("/account");

        Response response = browser.post("/account/address", address("", "<i>Main</i>", "", "", "XX"));

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("[data-error-for=address_name]")).isNotEmpty();
        assertThat(page.select("[data-error-for=address_city]")).isNotEmpty();
        assertThat(page.select("[data-error-for=address_zip]")).isNotEmpty();
        assertThat(page.select("[data-error-for=address_country]").text()).contains("country");
        assertThat(page.select("[data-error-for=address_line1]")).isEmpty();
        assertThat(page.select("input[name=address_line1]").val()).isEqualTo("<i>Main</i>");
        assertThat(response.asString()).doesNotContain("<i>Main</i>");
        assertThat(db.queryString("select address_line1 from accounts where id = ?", id)).isNull();
    }

    @Test
    void addressPostWithoutCsrfIsA400() {
        String email = Fixtures.uniqueEmail("addrcsrf");
        long id = db.account(email, "Csrf");
        Browser browser = loggedIn(email);
        Response response = browser.postWithoutCsrf("/account/address", address("A", "1 Road", "Town", "12345", "US"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(db.queryString("select address_line1 from accounts where id = ?", id)).isNull();
    }

    @Test
    void orderHistoryShowsOnlyMyOrdersNewestFirst() {
        String email = Fixtures.uniqueEmail("orders");
        long me = db.account(email, "Orderer");
        long other = db.account(Fixtures.uniqueEmail("other"), "Other");
        String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
        db.order("A" + suffix, me, email, new BigDecimal("19.99"), "2026-01-05T10:00:00Z");
        db.order("B" + suffix, me, email, new BigDecimal("120.50"), "2026-03-07T10:00:00Z");
        db.order("C" + suffix, other, "other@example.com", new BigDecimal("5.00"), "2026-02-01T10:00:00Z");
        db.order("D" + suffix, null, email, new BigDecimal("7.00"), "2026-02-02T10:00:00Z");

        Document page = Jsoup.parse(loggedIn(email).get("/account").asString());

        assertThat(page.select("tr[data-order]").eachAttr("data-order")).containsExactly("B" + suffix, "A" + suffix);
        assertThat(page.select("tr[data-order=B" + suffix + "]").text()).contains("Mar 7, 2026", "Complete", "$120.50");
        assertThat(page.select("tr[data-order=A" + suffix + "] a").attr("href")).isEqualTo("/orders/A" + suffix);
    }
}
