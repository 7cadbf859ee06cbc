package dev.mirshop.platform.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A virtual shopper's journeys are accepted by the shop as a browser's are: its add-to-cart form, from a product page
 * that carries no token for a visitor, is taken because it says it comes from the shop's page.
 */
@QuarkusTest
class ShopperTest {

    private record Sent(Journey journey, int status) {
    }

    @Test
    void aVirtualShoppersAddToCartIsTakenLikeABrowsers() {
        List<Sent> sent = new ArrayList<>();
        Shopper shopper = new Shopper("http://localhost:" + RestAssured.port, HttpClient.newHttpClient(),
                Duration.ofSeconds(10), new Random(18), Clock.systemUTC(), new RateLimit(500), () -> true,
                (journey, status) -> sent.add(new Sent(journey, status)));
        for (int walks = 0; walks < 300 && countAdded(sent) < 2; walks++) {
            shopper.walk();
        }
        assertThat(countAdded(sent)).as("add-to-cart posts answered 303, among " + sent).isGreaterThanOrEqualTo(2);
        assertThat(sent).as("no form of the shop was refused as forged").noneMatch(s -> s.status() == 403);
    }

    private static long countAdded(List<Sent> sent) {
        return sent.stream().filter(s -> s.journey() == Journey.ADD_TO_CART && s.status() == 303).count();
    }
}
