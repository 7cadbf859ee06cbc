package dev.mirshop.marketing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The discount codes console: list with usage, create, edit, deactivate, errors next to their fields. */
@QuarkusTest
class DiscountConsoleTest {

    @Inject
    ConsoleFixtures fixtures;

    static String uniqueCode() {
        return ConsoleFixtures.unique("T").toUpperCase().replace("-", "");
    }

    static Map<String, String> form(String code, String kind, String value) {
        Map<String, String> form = new HashMap<>();
        form.put("name", "Test " + code);
        form.put("code", code);
        form.put("kind", kind);
        form.put("value", value);
        form.put("minimumOrderTotal", "0");
        form.put("usageLimit", "50");
        form.put("active", "on");
        return form;
    }

    private static String fieldError(Document page, String field) {
        var error = page.selectFirst("#" + field + "-error");
        return error == null ? null : error.text();
    }

    private static Document post(ConsoleBrowser marketer, String path, Map<String, String> form, int status) {
        var response = marketer.post(path, form);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        return Jsoup.parse(response.asString());
    }

    @Test
    void everyValidationErrorIsShownNextToItsField() {
        ConsoleBrowser marketer = fixtures.marketer();
        marketer.get("/admin/discounts/new");

        var local = form("x", "percent", "ten");
        local.put("startsAt", "tomorrow");
        local.put("usageLimit", "many");
        Document page = post(marketer, "/admin/discounts", local, 400);
        assertThat(fieldError(page, "value")).isEqualTo("enter a number, such as 12.50");
        assertThat(fieldError(page, "startsAt")).contains("enter a date and time");
        assertThat(fieldError(page, "usageLimit")).isEqualTo("enter a whole number");
        assertThat(page.selectFirst("input[name=value]").attr("value")).isEqualTo("ten");

        var blank = form("x", "percent", "10");
        blank.put("name", "");
        page = post(marketer, "/admin/discounts", blank, 400);
        assertThat(fieldError(page, "name")).isNotBlank();
        assertThat(fieldError(page, "code")).contains("3 to 40");

        page = post(marketer, "/admin/discounts", form(uniqueCode(), "percent", "150"), 400);
        assertThat(fieldError(page, "value")).isEqualTo("a percentage cannot exceed 100");

        var backwards = form(uniqueCode(), "fixed", "5");
        backwards.put("startsAt", "2091-02-01T00:00");
        backwards.put("endsAt", "2091-01-01T00:00");
        page = post(marketer, "/admin/discounts", backwards, 400);
        assertThat(fieldError(page, "endsAt")).isEqualTo("must be after startsAt");

        var negative = form(uniqueCode(), "fixed", "5");
        negative.put("perCustomerLimit", "0");
        page = post(marketer, "/admin/discounts", negative, 400);
        assertThat(fieldError(page, "perCustomerLimit")).isNotBlank();

        page = post(marketer, "/admin/discounts", form("BLACKFRIDAY20", "percent", "20"), 400);
        assertThat(fieldError(page, "code")).isEqualTo("already exists");
    }

    @Test
    void aCodeIsCreatedListedWithItsUsageEditedAndDeactivated() {
        ConsoleBrowser marketer = fixtures.marketer();
        String code = uniqueCode();
        marketer.get("/admin/discounts/new");
        var created = marketer.post("/admin/discounts", form(code, "percent", "15"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).isEqualTo("/admin/discounts?done=created");

        Document list = marketer.page("/admin/discounts");
        var row = list.select("tr[data-discount-id]").stream().filter(r -> r.text().contains(code)).findFirst()
                .orElseThrow();
        assertThat(row.text()).contains("15% off", "active");
        assertThat(row.selectFirst("td.usage").text()).isEqualTo("0 / 50");
        long id = Long.parseLong(row.attr("data-discount-id"));

        // one redemption through the storefront's API shows up as usage
        given().header("Authorization", "Bearer " + ConsoleFixtures.SERVICE_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "orderNumber", ConsoleFixtures.unique("R"),
                        "customer", "usage@example.com", "orderTotal", "40.00")).post("/api/discounts/redeem").then()
                .statusCode(200);
        row = marketer.page("/admin/discounts").selectFirst("tr[data-discount-id=" + id + "]");
        assertThat(row.selectFirst("td.usage").text()).isEqualTo("1 / 50");

        Document edit = marketer.page("/admin/discounts/" + id);
        assertThat(edit.selectFirst("input[name=code]").attr("value")).isEqualTo(code);
        var changed = form(code, "fixed", "7.50");
        changed.put("minimumOrderTotal", "30");
        assertThat(marketer.post("/admin/discounts/" + id, changed).statusCode()).isEqualTo(303);
        row = marketer.page("/admin/discounts").selectFirst("tr[data-discount-id=" + id + "]");
        assertThat(row.text()).contains("$7.50 off on orders over $30.00");

        marketer.get("/admin/discounts");
        assertThat(marketer.post("/admin/discounts/" + id + "/deactivate", Map.of()).statusCode()).isEqualTo(303);
        row = marketer.page("/admin/discounts").selectFirst("tr[data-discount-id=" + id + "]");
        assertThat(row.text()).contains("inactive");
        given().header("Authorization", "Bearer " + ConsoleFixtures.SERVICE_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "orderTotal", "100"))
                .post("/api/discounts/validate").then().statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(false));

        assertThat(fixtures.count("select count(*) from audit_log where entity_type = 'discount' and entity_id = ?",
                id)).isEqualTo(3);
        Document audit = marketer.page("/admin/audit");
        assertThat(audit.select("table.audit-table").text()).contains("Deactivated code " + code,
                "Created code " + code);
    }

    @Test
    void unknownCodesAre404Pages() {
        assertThat(fixtures.marketer().get("/admin/discounts/999999999").statusCode()).isEqualTo(404);
    }
}
