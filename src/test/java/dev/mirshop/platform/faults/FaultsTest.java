package dev.mirshop.platform.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.platform.ServiceTags;
import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.storefront.mail.Checkouts;
import dev.mirshop.storefront.mail.MailFixtures;
import dev.mirshop.storefront.mail.Mailbox;
import dev.mirshop.testing.SendsServiceToken;
import dev.mirshop.testing.ShopTime;
import dev.mirshop.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Each fault does what it says in the process that owns it, ends by itself on the shop's clock, is kept in the owning
 * service's database, and leaves its trace: shop_fault_active, shop_fault_changes_total, a log line, a history row.
 */
@QuarkusTest
@TestProfile(FaultsEnabledProfile.class)
class FaultsTest {

    static final String TOKEN = "Bearer " + SendsServiceToken.TEST_TOKEN;

    @Inject
    FaultRegistry registry;
    @Inject
    FaultWorkers workers;
    @Inject
    ServiceTags tags;
    @Inject
    ShopFixtures fixtures;
    @Inject
    MailFixtures mails;

    @AfterEach
    void everyFaultOff() {
        for (Fault f : Fault.values()) {
            registry.switchOff(f, "test", "test");
        }
    }

    static Response on(String api, String fault, String body) {
        return given().header("Authorization", TOKEN).header(FaultApi.ACTOR_HEADER, "ops@example.com")
                .contentType(ContentType.JSON).body(body).put(api + "/" + fault);
    }

    static Response off(String api, String fault) {
        return given().header("Authorization", TOKEN).delete(api + "/" + fault);
    }

    /** The sum of the series of {@code name} whose labels include all of {@code labels} ("fault=\"ads-slow\""). */
    static double metric(String name, String... labels) {
        return given().get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith(name + "{") && java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The targets are part of what pages ask: a failing ad service fails them too (MirShopAdServiceDown's ratio). */
    @Test
    void adsFailingFailsTheTargetsAsWell() {
        on("/api/ads/faults", "ads-failing", "{\"severity\":100}").then().statusCode(200);
        given().get("/api/ads/targets").then().statusCode(500).contentType("application/problem+json");
        off("/api/ads/faults", "ads-failing").then().statusCode(200);
        given().get("/api/ads/targets").then().statusCode(200);
    }

    @Test
    void adsFailingAnswers500ToTheAskedShareUntilSwitchedOffAndTheMetersSayWhen() {
        double before = metric("shop_fault_changes_total", "action=\"on\"", "fault=\"ads-failing\"");
        on("/api/ads/faults", "ads-failing", "{\"severity\":50,\"duration\":\"10m\"}").then().statusCode(200);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(given().get("/api/ads/select?count=1").statusCode());
        }
        assertThat(statuses).filteredOn(s -> s == 500).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
        assertThat(metric("shop_fault_active", "fault=\"ads-failing\"")).isEqualTo(1.0);
        assertThat(metric("shop_fault_changes_total", "action=\"on\"", "fault=\"ads-failing\"")).isEqualTo(before + 1);
        assertThat(given().accept("text/html").get("/").statusCode()).as("pages render without the ad").isEqualTo(200);

        off("/api/ads/faults", "ads-failing").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            given().get("/api/ads/select?count=1").then().statusCode(200);
        }
        assertThat(metric("shop_fault_active", "fault=\"ads-failing\"")).isEqualTo(0.0);
        List<FaultEvent> history = registry.recentEvents(dev.mirshop.platform.ShopRole.ads, 2);
        assertThat(history).extracting(FaultEvent::action).containsExactly("off", "on");
        assertThat(history.get(1).actor()).isEqualTo("ops@example.com");
    }

    @Test
    void aFaultEndsByItselfOnTheShopsClockAndNeverLastsLongerThanTheMaximum() {
        TestClock clock = ShopTime.at(Instant.parse("2026-10-14T10:00:00Z"));
        registry.refresh();
        String body = on("/api/discounts/faults", "discounts-down", "{\"duration\":\"5h\"}").then().statusCode(200)
                .extract().asString();
        assertThat(body).contains("\"endsAt\":\"2026-10-14T11:00:00Z\"");
        given().get("/api/discounts/teaser").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5");
        clock.advance(Duration.ofMinutes(59));
        given().get("/api/discounts/teaser").then().statusCode(503);
        clock.advance(Duration.ofMinutes(1));
        assertThat(given().get("/api/discounts/teaser").statusCode()).isIn(200, 204, 404);
        registry.refresh();
        assertThat(registry.recentEvents(dev.mirshop.platform.ShopRole.discounts, 1)).extracting(FaultEvent::action)
                .containsExactly("auto-off");
        assertThat(metric("shop_fault_changes_total", "action=\"auto-off\"", "fault=\"discounts-down\"")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void theApiNeedsTheServiceTokenAndSaysWhatIsWrong() {
        given().get("/api/faults").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").put("/api/ads/faults/ads-slow").then().statusCode(401);
        on("/api/faults", "no-such-fault", "{}").then().statusCode(404).contentType("application/problem+json");
        on("/api/faults", "ads-slow", "{}").then().statusCode(404); // ads-slow is the ad service's
        on("/api/ads/faults", "ads-slow", "{\"severity\":0}").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("severity"));
        on("/api/faults", "bad-release", "{}").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("version"));
        on("/api/faults", "db-slow", "{\"duration\":\"forever\"}").then().statusCode(400);
        given().header("Authorization", TOKEN).get("/api/faults").then().statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("storefront"))
                .body("faults.id", org.hamcrest.Matchers.hasItems("db-slow", "payment-declining", "bad-release"));
    }

    @Test
    void everySwitchIsALogLine() {
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() == null ? "" : String.format(record.getMessage().replace("%d", "%s"),
                        record.getParameters() == null ? new Object[0] : record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(FaultTelemetry.class.getName());
        logger.addHandler(handler);
        try {
            on("/api/ads/faults", "ads-slow", "{\"severity\":20}").then().statusCode(200);
            off("/api/ads/faults", "ads-slow").then().statusCode(200);
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(String.join("\n", lines)).contains("FAULT ON ads-slow severity=20").contains("FAULT OFF ads-slow (off)");
    }

    @Test
    void mailFailingRefusesEveryMailUntilSwitchedOffAndTheMailThenGoesOutOnce() {
        TestClock clock = ShopTime.at(Instant.parse("2026-11-03T09:00:00Z"));
        mails.postponeAllUnsent(clock.instant().plus(Duration.ofDays(3650)));
        on("/api/faults", "mail-failing", "{}").then().statusCode(200);
        ShopFixtures.Item mug = fixtures.product("Fault Mail Mug " + UUID.randomUUID(), "12.00", 5);
        String email = Mailbox.uniqueAddress("mail-failing");
        assertThat(Checkouts.placeOrder(new Browser().addToCart(mug.variantId(), 1), email)).startsWith("/orders/R");

        await().atMost(Duration.ofSeconds(30)).until(() -> !mails.outbox(email).isEmpty()
                && mails.outbox(email).get(0).attempts() >= 1);
        MailFixtures.OutboxRow refused = mails.outbox(email).get(0);
        assertThat(refused.sentAt()).isNull();
        assertThat(refused.lastError()).contains("mail-failing");
        assertThat(Mailbox.receivedBy(email)).isEmpty();

        off("/api/faults", "mail-failing");
        clock.advance(Duration.ofMinutes(5));
        assertThat(Mailbox.awaitOne(email).subject()).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> mails.outbox(email).get(0).sentAt() != null);
        assertThat(Mailbox.receivedBy(email)).hasSize(1);
    }

    @Test
    void paymentFaultsDeclineOrTimeOutTheTestCard() {
        ShopFixtures.Item mug = fixtures.product("Fault Mug " + UUID.randomUUID(), "12.00", 50);
        on("/api/faults", "payment-declining", "{}").then().statusCode(200);
        Browser declined = new Browser().addToCart(mug.variantId(), 1).fillAddress().chooseDelivery("standard");
        Response r = declined.post("/checkout/payment", "payment_method", "card", "card_number", "4111 1111 1111 1111",
                "card_expiry", ShopTime.cardExpiry(ShopTime.thisMonth().plusYears(2)), "card_cvc", "123");
        assertThat(r.statusCode()).isEqualTo(402);
        off("/api/faults", "payment-declining");

        on("/api/faults", "payment-timeout", "{\"severity\":5000}").then().statusCode(200);
        Browser waiting = new Browser().addToCart(mug.variantId(), 1).fillAddress().chooseDelivery("standard");
        r = waiting.post("/checkout/payment", "payment_method", "card", "card_number", "4111 1111 1111 1111",
                "card_expiry", ShopTime.cardExpiry(ShopTime.thisMonth().plusYears(2)), "card_cvc", "123");
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.asString()).contains("did not answer in time").contains("Nothing was charged");
        off("/api/faults", "payment-timeout");
        waiting.payByCard("4111 1111 1111 1111");
    }

    @Test
    void dbSlowDelaysCatalogQueriesInsidePostgresql() {
        on("/api/faults", "db-slow", "{\"severity\":100}").then().statusCode(200);
        String keywords = "slow" + UUID.randomUUID().toString().substring(0, 6);
        long started = System.nanoTime();
        given().accept("text/html").get("/products?keywords=" + keywords).then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(SlowCatalogQueries.catalogRead("select p.slug from products p where p.id = ?")).isTrue();
        assertThat(SlowCatalogQueries.catalogRead("update products set name = ? where id = ?")).isFalse();
        assertThat(SlowCatalogQueries.catalogRead("select * from products p where id = ? for update")).isFalse();
    }

    @Test
    void readinessFailsWhileTheFaultIsOn() {
        on("/api/faults", "readiness-failing", "{}").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503).body("checks.find { it.name == 'faults' }.status",
                org.hamcrest.Matchers.equalTo("DOWN"));
        off("/api/faults", "readiness-failing");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aBadReleaseFailsOnlyInTheVersionItNames() {
        String mine = tags.version();
        on("/api/faults", "bad-release", "{\"severity\":1000,\"version\":\"not-" + mine + "\"}").then().statusCode(200);
        given().accept("text/html").get("/").then().statusCode(200);
        on("/api/faults", "bad-release", "{\"severity\":1000,\"version\":\"" + mine + "\"}").then().statusCode(200);
        given().accept("text/html").get("/").then().statusCode(500);
        given().accept("text/html").get("/cart").then().statusCode(500);
        given().get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", TOKEN).get("/api/faults").then().statusCode(200);
    }

    @Test
    void cpuBurnCostsEveryPageItsMilliseconds() {
        on("/api/faults", "cpu-burn", "{\"severity\":400}").then().statusCode(200);
        long started = System.nanoTime();
        given().accept("text/html").get("/cart").then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void poolExhaustionHoldsTheStorefrontsConnectionsAndGivesThemBack() {
        on("/api/faults", "db-pool-exhaustion", "{\"severity\":50}").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> workers.heldConnections() == 10);
        off("/api/faults", "db-pool-exhaustion");
        await().atMost(Duration.ofSeconds(20)).until(() -> workers.heldConnections() == 0);
    }

    /** The faults' state is in the storefront's pool too: with all of it held, the operator can still switch faults. */
    @Test
    void faultsStaySwitchableWhileThePoolIsExhausted() {
        on("/api/faults", "db-pool-exhaustion", "{\"severity\":100}").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> workers.heldConnections() == 20);
        on("/api/faults", "cpu-burn", "{\"severity\":10}").then().statusCode(200);
        off("/api/faults", "cpu-burn").then().statusCode(200);
        off("/api/faults", "db-pool-exhaustion").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> workers.heldConnections() == 0);
    }

    @Test
    void theMemoryLeakGrowsToItsCapAndIsFreedWhenOff() {
        on("/api/ads/faults", "ads-memory-leak", "{\"severity\":600}").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> workers.leakedMib() == 8);
        off("/api/ads/faults", "ads-memory-leak");
        await().atMost(Duration.ofSeconds(20)).until(() -> workers.leakedMib() == 0);
    }

    /** Severity is MiB per minute, below 60 too: 6 is one MiB every ten seconds, not one a second. */
    @Test
    void aSlowLeakRetainsItsMebibytesPerMinute() {
        on("/api/ads/faults", "ads-memory-leak", "{\"severity\":6}").then().statusCode(200);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> workers.leakedMib() <= 1);
        off("/api/ads/faults", "ads-memory-leak");
        await().atMost(Duration.ofSeconds(20)).until(() -> workers.leakedMib() == 0);
    }

    @Test
    void slowAdsAndBannersWaitTheirMilliseconds() {
        on("/api/ads/faults", "ads-slow", "{\"severity\":300}").then().statusCode(200);
        long started = System.nanoTime();
        given().get("/api/ads/select?count=1").then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aDeclarationInConfigurationWasAppliedAtStartup() {
        assertThat(registry.recentEvents(dev.mirshop.platform.ShopRole.ads, 200))
                .anyMatch(e -> e.fault().equals("banners-slow") && e.action().equals("on")
                        && e.actor().equals("SHOP_FAULTS banners-slow:1:30m") && e.source().equals("config"));
    }

    @Test
    void stateSurvivesARestartBecauseItIsReadFromTheDatabase() {
        on("/api/ads/faults", "ads-slow", "{\"severity\":123}").then().statusCode(200);
        registry.refresh(); // what a restarted (or another) process does first
        assertThat(registry.active(Fault.ADS_SLOW)).get().extracting(FaultState::severity).isEqualTo(123);
    }
}
