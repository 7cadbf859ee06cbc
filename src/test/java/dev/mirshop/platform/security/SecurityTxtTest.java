package dev.mirshop.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.mirshop.testing.ShopTime;
import io.quarkus.test.junit.QuarkusTest;

/** RFC 9116: a researcher finds where to report, and the file never states an expiry in the past. */
@QuarkusTest
class SecurityTxtTest {

    @Test
    void securityTxtNamesTheContactAndExpiresHalfAYearAfterToday() {
        ShopTime.at(Instant.parse("2031-12-31T23:59:59Z"));
        given().get("/.well-known/security.txt")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("Contact: mailto:security@mirshop.dev\n"),
                        containsString("Expires: 2032-06-28T00:00:00Z\n"),
                        containsString("Canonical: http://localhost:"),
                        not(containsString("Set-Cookie")));
    }

    @Test
    void itCarriesNoCookie() {
        given().get("/.well-known/security.txt").then().statusCode(200).header("Set-Cookie", (String) null);
    }
}
