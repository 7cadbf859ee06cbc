package dev.mirshop.observability;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScratchDumpTest {
    @Test
    void dump() throws Exception {
        given().get("/").then().statusCode(200);
        given().accept("text/html").get("/products/no-such").then().log().ifValidationFails();
        Files.writeString(Path.of("target/scratch-home.html"), given().get("/").asString());
        Files.writeString(Path.of("target/scratch-metrics.txt"), given().get("/q/metrics").asString());
    }
}
