package dev.mirshop.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * /q/metrics is for Prometheus inside the cluster: a request that came through the public load balancer (which always
 * adds X-Forwarded-For) gets the shop's 404, while the probes and the load balancer's health checks still work.
 */
@QuarkusTest
class InternalEndpointsTest {

    @Test
    void metricsAreServedInsideTheClusterOnly() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        for (String path : new String[] { "/q/metrics", "//q/metrics", "/q//metrics", "/q/metrics/" }) {
            given().header("X-Forwarded-For", "203.0.113.7").get(path).then().statusCode(404)
                    .body(not(containsString("jvm_memory_used_bytes")));
            given().header("Forwarded", "for=203.0.113.7").get(path).then().statusCode(404)
                    .body(not(containsString("jvm_memory_used_bytes")));
        }
    }

    @Test
    void healthStaysReachableThroughTheLoadBalancer() {
        given().header("X-Forwarded-For", "203.0.113.7").get("/q/health/ready").then().statusCode(200);
        given().header("X-Forwarded-For", "203.0.113.7").get("/q/health/live").then().statusCode(200);
    }
}
