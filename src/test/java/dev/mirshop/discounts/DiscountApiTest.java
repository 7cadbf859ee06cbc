package dev.mirshop.discounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mirshop.testing.SendsServiceToken;
import dev.mirshop.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@ExtendWith(SendsServiceToken.class)
class DiscountApiTest {

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static long create(Map<String, Object> form) {
        return given().contentType(ContentType.JSON).body(form).when().post("/api/discounts").then().log().ifValidationFails()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    static ValidatableResponse validate(String code, String total, String customer) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "orderTotal", total,
                "items", List.of(Map.of("sku", "TOTE-001", "quantity", 1, "unitPrice", total))));
        if (customer != null) {
            body.put("customer", customer);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/discounts/validate").then().log().ifValidationFails()
                .statusCode(200);
    }

    static ValidatableResponse redeem(String code, String order, String customer, String total) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "orderNumber", order, "customer", customer, "orderTotal", total))
                .when().post("/api/discounts/redeem").then().statusCode(200);
    }

    @Test
    void demoCodesApplyAsAdvertised() {
        validate("blackfriday20", "80.00", null)
                .body("valid", equalTo(true)).body("code", equalTo("BLACKFRIDAY20"))
                .body("kind", equalTo("percent")).body("amount", equalTo(16.00f));
        validate("FREESHIP", "30.00", null)
                .body("valid", equalTo(true)).body("freeShipping", equalTo(true)).body("amount", equalTo(0f));
        validate("WELCOME10", "55.55", "new-" + UUID.randomUUID() + "@example.com")
                .body("valid", equalTo(true)).body("amount", equalTo(5.56f));
        validate("TAKE5", "40.00", null).body("valid", equalTo(true)).body("amount", equalTo(5.00f));
    }

    @Test
    void everyRejectionHasAMachineReadableReason() {
        validate("NO-SUCH-CODE", "50.00", null).body("valid", equalTo(false)).body("reason", equalTo("unknown"))
                .body("message", equalTo("This code is not valid.")).body("amount", nullValue());
        validate("SPRING99", "50.00", null).body("valid", equalTo(false)).body("reason", equalTo("not_started"));
        validate("SUMMER25", "50.00", null).body("valid", equalTo(false)).body("reason", equalTo("expired"));
        validate("FREESHIP", "24.99", null).body("valid", equalTo(false)).body("reason", equalTo("minimum_not_met"));
        validate("TAKE5", "39.99", null).body("valid", equalTo(false)).body("reason", equalTo("minimum_not_met"));
    }

    @Test
    void fixedAmountNeverExceedsTheOrderAndPercentRoundsToCents() {
        String code = unique("FIX");
        create(Map.of("name", "Big fixed", "code", code, "kind", "fixed", "value", "50.00"));
        validate(code, "20.00", null).body("valid", equalTo(true)).body("amount", equalTo(20.00f));
        String pct = unique("PCT");
        create(Map.of("name", "Third off", "code", pct, "kind", "percent", "value", "33.33"));
        validate(pct, "10.01", null).body("amount", equalTo(3.34f));
    }

    @Test
    void deactivatedCodeIsUnknown() {
        String code = unique("OFF");
        long id = create(Map.of("name", "Soon gone", "code", code, "kind", "percent", "value", "5"));
        validate(code, "10.00", null).body("valid", equalTo(true));
        given().when().delete("/api/discounts/" + id).then().statusCode(200).body("active", equalTo(false));
        validate(code, "10.00", null).body("valid", equalTo(false)).body("reason", equalTo("unknown"));
        given().when().get("/api/discounts").then().statusCode(200).body("code", not(hasItem(code)));
    }

    @Test
    void codesAreUniqueWhateverTheirCase() {
        String code = unique("dup");
        create(Map.of("name", "First", "code", code, "kind", "percent", "value", "5"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Second", "code", code.toUpperCase(), "kind", "percent", "value", "5"))
                .when().post("/api/discounts").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        validate(code.toLowerCase(), "10.00", null).body("valid", equalTo(true));
    }

    @Test
    void updateChangesTheRulesAndUnknownIdIs404() {
        String code = unique("UPD");
        long id = create(Map.of("name", "Before", "code", code, "kind", "percent", "value", "5"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "After", "code", code, "kind", "fixed", "value", "3.00", "minimumOrderTotal", "20"))
                .when().put("/api/discounts/" + id).then().statusCode(200)
                .body("name", equalTo("After")).body("kind", equalTo("fixed"));
        validate(code, "19.00", null).body("reason", equalTo("minimum_not_met"));
        validate(code, "20.00", null).body("amount", equalTo(3.00f));
        given().when().get("/api/discounts/" + id).then().statusCode(200).body("headline",
                equalTo("$3.00 off on orders over $20.00"));
        given().when().get("/api/discounts/999999999").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "code", unique("X"), "kind", "percent", "value", "5"))
                .when().put("/api/discounts/999999999").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().delete("/api/discounts/999999999").then().statusCode(404);
    }

    @Test
    void badInputIsProblemJson() {
        given().contentType(ContentType.JSON).body("{\"name\":").when().post("/api/discounts").then().log().ifValidationFails()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Neg", "code", unique("NEG"), "kind", "fixed", "value", "-5"))
                .when().post("/api/discounts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("value"));
        Instant now = TestClock.DEFAULT_START;
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Backwards", "code", unique("BACK"), "kind", "percent", "value", "5",
                        "startsAt", now.toString(), "endsAt", now.minusSeconds(3600).toString()))
                .when().post("/api/discounts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("endsAt"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Too much", "code", unique("BIG"), "kind", "percent", "value", "150"))
                .when().post("/api/discounts").then().statusCode(400).body("errors[0].field", equalTo("value"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Kind", "code", unique("KND"), "kind", "bogus", "value", "5"))
                .when().post("/api/discounts").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Bad code", "code", "no spaces allowed", "kind", "percent", "value", "5"))
                .when().post("/api/discounts").then().statusCode(400).body("errors.field", hasItem("code"));
        given().contentType(ContentType.JSON).body(Map.of("code", "FREESHIP", "orderTotal", "-1"))
                .when().post("/api/discounts/validate").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("orderTotal"));
        given().contentType(ContentType.JSON).body("not json").when().post("/api/discounts/validate").then().log().ifValidationFails()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("orderTotal", "10")).when()
                .post("/api/discounts/validate").then().statusCode(400).body("errors.field", hasItem("code"));
        given().contentType(ContentType.JSON).body(Map.of("code", "FREESHIP", "orderNumber", "R1"))
                .when().post("/api/discounts/redeem").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/api/discounts?include=nonsense").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/api/discounts/abc").then().statusCode(404);
    }

    @Test
    void workshopEndpointKeepsItsExactShape() {
        List<Map<String, Object>> list = given().when().get("/discount").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().getList("$");
        assertThat(list).isNotEmpty();
        for (Map<String, Object> d : list) {
            assertThat(d).containsOnlyKeys("id", "name", "code", "value", "discount_type");
            @SuppressWarnings("unchecked")
            Map<String, Object> type = (Map<String, Object>) d.get("discount_type");
            assertThat(type).containsOnlyKeys("id", "name", "discount_query");
        }
        assertThat(list).anySatisfy(d -> {
            assertThat(d.get("code")).isEqualTo("BLACKFRIDAY20");
            assertThat(((Number) d.get("value")).doubleValue()).isEqualTo(20.0);
            assertThat(((Map<?, ?>) d.get("discount_type")).get("name")).isEqualTo("percent");
        });
    }

    @Test
    void teaserIsALiveCode() {
        given().when().get("/api/discounts/teaser").then().statusCode(200)
                .body("code", not(nullValue())).body("headline", not(nullValue()));
    }
}
