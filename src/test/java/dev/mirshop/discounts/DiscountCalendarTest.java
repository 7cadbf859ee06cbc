package dev.mirshop.discounts;

import static dev.mirshop.discounts.DiscountApiTest.create;
import static dev.mirshop.discounts.DiscountApiTest.unique;
import static dev.mirshop.discounts.DiscountApiTest.validate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mirshop.testing.SendsServiceToken;
import dev.mirshop.testing.ShopTime;
import dev.mirshop.testing.ShopTime.Moment;
import dev.mirshop.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A code's window on the discount service's clock, at every moment of {@link ShopTime#calendar()}: not before it
 * starts, not from the second it ends; the demo's 2025 summer code only in summer 2025, the 2099 code never yet.
 */
@QuarkusTest
@ExtendWith(SendsServiceToken.class)
class DiscountCalendarTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void aCodeAppliesFromItsFirstSecondUntilItsLast(Moment moment) {
        TestClock clock = ShopTime.at(moment);
        Instant now = moment.instant();
        String code = unique("WIN");
        create(Map.of("name", "One hour", "code", code, "kind", "percent", "value", "5",
                "startsAt", now.plusSeconds(60).toString(), "endsAt", now.plusSeconds(3660).toString()));
        validate(code, "10.00", null).body("valid", equalTo(false)).body("reason", equalTo("not_started"));
        given().get("/api/discounts").then().statusCode(200).body("code", not(hasItem(code)));

        clock.advance(Duration.ofSeconds(60));
        validate(code, "10.00", null).body("valid", equalTo(true));
        given().get("/api/discounts").then().statusCode(200).body("code", hasItem(code));

        clock.advance(Duration.ofSeconds(3599));
        validate(code, "10.00", null).body("valid", equalTo(true));

        clock.advance(Duration.ofSeconds(1));
        validate(code, "10.00", null).body("valid", equalTo(false)).body("reason", equalTo("expired"));
        given().get("/api/discounts").then().statusCode(200).body("code", not(hasItem(code)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mirshop.testing.ShopTime#calendar")
    void theDemoCodesLiveThenAreListed(Moment moment) {
        ShopTime.at(moment);
        given().get("/api/discounts").then().statusCode(200)
                .body("code", hasItems("BLACKFRIDAY20", "FREESHIP", "WELCOME10", "TAKE5"))
                .body("code", not(hasItem("SPRING99")))
                .body("code", moment.summer25Valid() ? hasItem("SUMMER25") : not(hasItem("SUMMER25")));
        validate("SPRING99", "50.00", null).body("reason", equalTo("not_started"));
        if (moment.summer25Valid()) {
            validate("SUMMER25", "50.00", null).body("valid", equalTo(true)).body("amount", equalTo(7.50f));
        } else {
            validate("SUMMER25", "50.00", null).body("valid", equalTo(false)).body("reason", equalTo("expired"));
        }
    }
}
