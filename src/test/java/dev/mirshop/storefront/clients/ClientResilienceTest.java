package dev.mirshop.storefront.clients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;

/** The storefront's clients against a WireMock stand-in that is healthy, slow (2 s), failing (500) or gone. */
@QuarkusTest
@TestProfile(ShortBudgetsProfile.class)
@QuarkusTestResource(value = WireMockServices.class, restrictToAnnotatedClass = true)
class ClientResilienceTest {

    /** The decorative budget (150 ms) plus slack for a shared 2-core machine. */
    static final long DECORATIVE_LIMIT_MS = 300;

    static final String MUG_AD = """
            [{"id":7,"title":"Mugs for every morning","altText":"Mugs for every morning","targetPath":"/t/categories/mugs",
              "clickUrl":"/ads/7/click","imageUrl":"/banners/7/0123456789abcdef.svg","campaign":"Everyday",
              "theme":"everyday","taxonPermalink":"categories/mugs"}]""";
    static final String TEASER = """
            {"id":1,"name":"Black Friday","code":"BLACKFRIDAY20","kind":"percent","value":20,"headline":"20% off"}""";

    @Inject
    AdClient ads;

    @Inject
    DiscountClient discounts;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    MeterRegistry registry;

    @Inject
    AdDraws draws;

    @Inject
    AdTargets targets;

    static boolean warm;

    @BeforeEach
    void reset() {
        WireMockServices.acceptConnections();
        WireMockServices.server.resetAll();
        if (!warm) {
            warmUp();
        }
        // a stand-in stopped by the test before leaves the client's pooled connections closed: they are used up here
        // (404, an answer), not by the first call a test counts or expects an ad from
        for (int i = 0; i < 3; i++) {
            ad(List.of("categories/priming"));
        }
        WireMockServices.server.resetRequests();
        breakers.resetAll();
        draws.ticker(System::nanoTime);
        targets.ticker(System::nanoTime);
        ads.forget();
        discounts.forget();
    }

    @AfterEach
    void restart() {
        WireMockServices.acceptConnections();
    }

    /** The first calls load classes and open connections; budgets are about a running shop. */
    void warmUp() {
        stubAd(okJson(MUG_AD));
        WireMockServices.server.stubFor(get(urlEqualTo("/api/discounts/teaser")).willReturn(okJson(TEASER)));
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/validate"))
                .willReturn(okJson("{\"valid\":false,\"reason\":\"unknown\"}")));
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/redeem"))
                .willReturn(okJson("{\"redeemed\":false,\"reason\":\"unknown\"}")));
        for (int i = 0; i < 5; i++) {
            ad(List.of());
            discounts.teaser();
            discounts.validate("WARM", BigDecimal.ONE, null, List.of());
            discounts.redeem("WARM", "R0", "warm@example.com", BigDecimal.ONE);
        }
        WireMockServices.server.resetAll();
        warm = true;
    }

    static <T> T timed(Supplier<T> call, long limitMs) {
        long start = System.nanoTime();
        T result = call.get();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsed).as("call took %d ms", elapsed).isLessThanOrEqualTo(limitMs);
        return result;
    }

    /** The ad for these taxons, waiting for the asynchronous answer as the page does. */
    Optional<AdView> ad(List<String> taxonPermalinks) {
        return ads.adFor(taxonPermalinks).await().indefinitely();
    }

    void stubAd(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        WireMockServices.server.stubFor(get(urlPathEqualTo("/api/ads/select")).willReturn(response));
    }

    @Test
    void healthyAdServiceGivesTheAdForThePage() {
        stubAd(okJson(MUG_AD));
        Optional<AdView> ad = ad(List.of("categories/mugs", "brands/acme"));
        assertThat(ad).hasValueSatisfying(a -> {
            assertThat(a.title()).isEqualTo("Mugs for every morning");
            assertThat(a.imageUrl()).isEqualTo("/banners/7/0123456789abcdef.svg");
            assertThat(a.clickUrl()).isEqualTo("/ads/7/click");
        });
        WireMockServices.server.verify(getRequestedFor(urlPathEqualTo("/api/ads/select"))
                .withQueryParam("context", equalTo("brands/acme,categories/mugs"))
                .withQueryParam("count", equalTo("1")));
    }

    @Test
    void slowAdServiceFallsBackToTheLastGoodAdWithinBudget() {
        stubAd(okJson(MUG_AD));
        assertThat(ad(List.of("categories/mugs"))).isPresent();
        stubAd(okJson(MUG_AD).withFixedDelay(2000));
        Optional<AdView> remembered = timed(() -> ad(List.of("categories/mugs")), DECORATIVE_LIMIT_MS);
        assertThat(remembered).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(7L));
        // a context never answered before has nothing to remember: no ad, still within budget
        assertThat(timed(() -> ad(List.of("categories/bags")), DECORATIVE_LIMIT_MS)).isEmpty();
    }

    @Test
    void failingAdServiceOpensTheBreakerWhichClosesAgain() {
        stubAd(okJson(MUG_AD));
        assertThat(ad(List.of())).isPresent();
        stubAd(aResponse().withStatus(500));
        for (int i = 0; i < 15; i++) {
            assertThat(timed(() -> ad(List.of()), DECORATIVE_LIMIT_MS)).isPresent();
        }
        assertThat(breakers.currentState("ads-select")).isEqualTo(CircuitBreakerState.OPEN);
        // open: answered from the fallback without a call (the server sees nothing), within the page's budget; not
        // a tighter wall-clock bound, which one GC pause on a busy machine breaks
        int before = adCalls();
        for (int i = 0; i < 20; i++) {
            assertThat(timed(() -> ad(List.of()), DECORATIVE_LIMIT_MS)).isPresent();
        }
        assertThat(adCalls()).as("calls made while the breaker is open").isEqualTo(before);
        // the service recovers; after the breaker's delay one trial call closes it
        stubAd(okJson("[]"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            ad(List.of());
            assertThat(breakers.currentState("ads-select")).isEqualTo(CircuitBreakerState.CLOSED);
        });
        assertThat(ad(List.of())).isEmpty();
    }

    @Test
    void refusedConnectionsFallBackWithinBudget() {
        stubAd(okJson(MUG_AD));
        assertThat(ad(List.of("categories/mugs"))).isPresent();
        WireMockServices.refuseConnections();
        for (int i = 0; i < 12; i++) {
            assertThat(timed(() -> ad(List.of("categories/mugs")), DECORATIVE_LIMIT_MS)).isPresent();
            assertThat(timed(() -> ad(List.of("categories/clothing")), DECORATIVE_LIMIT_MS)).isEmpty();
        }
        assertThat(breakers.currentState("ads-select")).isEqualTo(CircuitBreakerState.OPEN);
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).body(
                org.hamcrest.Matchers.matchesPattern("(?s).*shop_dependency_fallbacks_total\\{call=\"select\",[^}]*service_called=\"ads\"[^}]*\\} [1-9].*"));
    }

    /** Ten draws of the mug ad, as the service answers a call for a batch. */
    static String tenDraws() {
        String one = MUG_AD.strip().substring(1, MUG_AD.strip().length() - 1);
        return "[" + String.join(",", java.util.Collections.nCopies(10, one)) + "]";
    }

    int adCalls() {
        return WireMockServices.server.findAll(getRequestedFor(urlPathEqualTo("/api/ads/select"))).size();
    }

    double meter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void busyContextTakesItsAdsFromBatchesOfDraws() {
        stubAd(okJson(MUG_AD));
        WireMockServices.server.stubFor(get(urlPathEqualTo("/api/ads/select"))
                .withQueryParam("draws", matching("[0-9]+")).willReturn(okJson(tenDraws())));
        for (int i = 0; i < 40; i++) {
            assertThat(ad(List.of("categories/mugs"))).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(7L));
        }
        // the first views ask for one draw each; once the context is busy, one call brings ten
        assertThat(adCalls()).as("calls for 40 views of one context").isLessThan(15);
        WireMockServices.server.verify(getRequestedFor(urlPathEqualTo("/api/ads/select"))
                .withQueryParam("context", equalTo("categories/mugs")).withQueryParam("count", equalTo("1"))
                .withQueryParam("draws", matching("[2-9][0-9]*")));
    }

    @Test
    void drawsExpireAfterASecondAndAreCountedUnshown() {
        WireMockServices.server.stubFor(get(urlPathEqualTo("/api/ads/select")).willReturn(okJson(tenDraws())));
        for (int i = 0; i < 4; i++) {
            ad(List.of("categories/bags")); // busy enough for a batch
        }
        int calls = adCalls();
        double unshown = meter("shop.dependency.unshown.ad.draws");
        assertThat(ad(List.of("categories/bags"))).isPresent();
        assertThat(adCalls()).as("a view with draws left makes no call").isEqualTo(calls);
        // a console change reaches pages within a second: old draws are dropped, not shown
        stubAd(okJson("[]"));
        long later = AdDraws.LIFETIME.plusMillis(100).toNanos();
        draws.ticker(() -> System.nanoTime() + later);
        assertThat(ad(List.of("categories/bags"))).isEmpty();
        assertThat(meter("shop.dependency.unshown.ad.draws") - unshown).as("draws dropped unshown: ten fetched, five shown")
                .isEqualTo(5);
        // "no ad here" holds for a second too: a quiet context without ads asks at most once a second
        int afterNoAd = adCalls();
        assertThat(ad(List.of("categories/bags"))).isEmpty();
        assertThat(adCalls()).isEqualTo(afterNoAd);
    }

    void stubTargets(String... taxons) {
        String list = String.join(",", java.util.Arrays.stream(taxons).map(t -> "\"" + t + "\"").toList());
        WireMockServices.server.stubFor(get(urlEqualTo("/api/ads/targets")).willReturn(okJson("{\"taxons\":[" + list + "]}")));
    }

    /** Waits until the client's list of targets gives this context for these taxons (it is fetched in the background). */
    void awaitContext(List<String> taxons, String context) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> targets.contextOf(taxons).equals(context));
    }

    @Test
    void pagesAskForTheTargetsTheirTaxonsFallUnderSoProductsShareContexts() {
        stubAd(okJson(MUG_AD));
        stubTargets("categories/mugs", "collections/christmas");
        awaitContext(List.of("brands/acme"), "");

        assertThat(ad(List.of("categories/mugs/enamel", "brands/acme"))).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(7L));
        ad(List.of("brands/acme", "categories/bags"));
        ad(List.of("brands/other"));
        ad(List.of("collections/christmas", "categories/mugs"));

        WireMockServices.server.verify(1, getRequestedFor(urlPathEqualTo("/api/ads/select"))
                .withQueryParam("context", equalTo("categories/mugs")));
        WireMockServices.server.verify(1, getRequestedFor(urlPathEqualTo("/api/ads/select"))
                .withQueryParam("context", equalTo("categories/mugs,collections/christmas")));
        // two products of different brands and categories, neither targeted: one context, the untargeted ads
        assertThat(WireMockServices.server.findAll(getRequestedFor(urlPathEqualTo("/api/ads/select"))
                .withQueryParam("context", equalTo("")))).hasSizeBetween(1, 2);
        assertThat(WireMockServices.server.findAll(getRequestedFor(urlPathEqualTo("/api/ads/select"))
                .withQueryParam("context", matching(".*brands.*")))).as("untargeted taxons sent").isEmpty();
    }

    @Test
    void aNewTargetCountsAfterTheNextRefreshAndWithoutAListPagesSendAllTheirTaxons() {
        List<String> page = List.of("brands/acme", "categories/socks");
        awaitContext(page, "brands/acme,categories/socks"); // no list (404): every taxon, as before
        stubTargets("categories/mugs");
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        targets.ticker(now::get);
        targets.forget();
        awaitContext(page, "");
        stubTargets("categories/mugs", "brands/acme"); // a marketer's new campaign for the brand
        assertThat(targets.contextOf(page)).as("within the refresh interval").isEqualTo("");
        now.addAndGet(AdTargets.REFRESH.plusMillis(1).toNanos());
        awaitContext(page, "brands/acme");
        // the service cannot answer: the list it gave last still holds
        WireMockServices.server.stubFor(get(urlEqualTo("/api/ads/targets")).willReturn(aResponse().withStatus(503)));
        Supplier<Integer> asked = () -> WireMockServices.server.findAll(getRequestedFor(urlEqualTo("/api/ads/targets"))).size();
        int before = asked.get();
        now.addAndGet(AdTargets.REFRESH.plusMillis(1).toNanos());
        // pages keep asking for contexts; the one right after the last answer may find that answer still closing
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            targets.contextOf(page);
            return asked.get() > before;
        });
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> targets.contextOf(page).equals("brands/acme"));
    }

    @Test
    void busyContextWithoutAdsAsksOncePerLifetime() {
        stubAd(okJson("[]"));
        long frozen = System.nanoTime();
        draws.ticker(() -> frozen); // every view within the same second
        for (int i = 0; i < 30; i++) {
            assertThat(ad(List.of("categories/socks"))).isEmpty();
        }
        assertThat(adCalls()).as("calls for 30 views of a context without ads").isEqualTo(1);
    }

    @Test
    void viewsSharingAFailedFetchEachFallBack() {
        stubAd(okJson(MUG_AD));
        assertThat(ad(List.of("categories/hats"))).isPresent();
        stubAd(aResponse().withStatus(500).withFixedDelay(40));
        double before = meter("shop.dependency.fallbacks", "service_called", "ads", "call", "select");
        List<java.util.concurrent.CompletableFuture<Optional<AdView>>> views = new java.util.ArrayList<>();
        int callsBefore = adCalls();
        for (int i = 0; i < 6; i++) {
            views.add(ads.adFor(List.of("categories/hats")).subscribeAsCompletionStage());
        }
        for (var view : views) {
            assertThat(view.join()).as("the last good ad").hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(7L));
        }
        assertThat(meter("shop.dependency.fallbacks", "service_called", "ads", "call", "select") - before)
                .as("one fallback per view").isEqualTo(6);
        // six views, one fetch in flight at a time (and one retry each round), not a call per view and retry
        assertThat(adCalls() - callsBefore).isLessThan(12);
    }

    @Test
    void notFoundIsAnAnswerNotAFailure() {
        stubAd(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404}"));
        for (int i = 0; i < 20; i++) {
            assertThat(ad(List.of())).isEmpty();
        }
        assertThat(breakers.currentState("ads-select")).isEqualTo(CircuitBreakerState.CLOSED);
        WireMockServices.server.stubFor(get(urlEqualTo("/api/discounts/teaser"))
                .willReturn(aResponse().withStatus(404)));
        for (int i = 0; i < 20; i++) {
            assertThat(discounts.teaser()).isEmpty();
        }
        assertThat(breakers.currentState("discounts-teaser")).isEqualTo(CircuitBreakerState.CLOSED);
        // a 404 on validate means the URL does not serve discounts: unavailable, yet no breaker failure
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/validate"))
                .willReturn(aResponse().withStatus(404)));
        for (int i = 0; i < 20; i++) {
            assertThat(discounts.validate("X1", BigDecimal.TEN, null, List.of()).isUnavailable()).isTrue();
        }
        assertThat(breakers.currentState("discounts-validate")).isEqualTo(CircuitBreakerState.CLOSED);
        // a 400 means the service refused this request: the code does not apply
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/validate"))
                .willReturn(aResponse().withStatus(400)));
        assertThat(discounts.validate("X1", BigDecimal.TEN, null, List.of()).isRejected()).isTrue();
    }

    @Test
    void teaserFallsBackToTheLastGoodOne() {
        WireMockServices.server.stubFor(get(urlEqualTo("/api/discounts/teaser")).willReturn(okJson(TEASER)));
        assertThat(discounts.teaser()).hasValueSatisfying(t -> {
            assertThat(t.code()).isEqualTo("BLACKFRIDAY20");
            assertThat(t.headline()).isEqualTo("20% off");
        });
        WireMockServices.server.stubFor(get(urlEqualTo("/api/discounts/teaser"))
                .willReturn(okJson(TEASER).withFixedDelay(2000)));
        assertThat(timed(discounts::teaser, DECORATIVE_LIMIT_MS)).isPresent();
        WireMockServices.server.stubFor(get(urlEqualTo("/api/discounts/teaser"))
                .willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 10; i++) {
            assertThat(timed(discounts::teaser, DECORATIVE_LIMIT_MS)).isPresent();
        }
        assertThat(breakers.currentState("discounts-teaser")).isEqualTo(CircuitBreakerState.OPEN);
        WireMockServices.refuseConnections();
        assertThat(timed(discounts::teaser, DECORATIVE_LIMIT_MS)).isPresent();
    }

    @Test
    void validateMapsTheServiceAnswers() {
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/validate"))
                .withRequestBody(equalToJson("{\"code\":\"BLACKFRIDAY20\"}", true, true))
                .willReturn(okJson("{\"valid\":true,\"code\":\"BLACKFRIDAY20\",\"kind\":\"percent\",\"amount\":8.00,"
                        + "\"freeShipping\":false,\"message\":\"20% off\"}")));
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/validate"))
                .withRequestBody(equalToJson("{\"code\":\"OLD\"}", true, true))
                .willReturn(okJson("{\"valid\":false,\"code\":\"OLD\",\"reason\":\"expired\","
                        + "\"message\":\"This code has expired.\"}")));
        List<DiscountClient.CartItem> items = List.of(new DiscountClient.CartItem("TOTE-001", 2, new BigDecimal("20.00")));
        DiscountCheck applied = discounts.validate("BLACKFRIDAY20", new BigDecimal("40.00"), "a@example.com", items);
        assertThat(applied.isApplied()).isTrue();
        assertThat(applied.amount()).isEqualByComparingTo("8.00");
        DiscountCheck rejected = discounts.validate("OLD", new BigDecimal("40.00"), null, items);
        assertThat(rejected.isRejected()).isTrue();
        assertThat(rejected.reason()).isEqualTo("expired");
        assertThat(rejected.message()).isEqualTo("This code has expired.");
        WireMockServices.server.verify(postRequestedFor(urlEqualTo("/api/discounts/validate"))
                .withRequestBody(equalToJson("{\"code\":\"BLACKFRIDAY20\",\"orderTotal\":40.00,"
                        + "\"customer\":\"a@example.com\",\"items\":[{\"sku\":\"TOTE-001\",\"quantity\":2,"
                        + "\"unitPrice\":20.00}]}", true, false)));
        assertThat(discounts.validate(" ", BigDecimal.TEN, null, List.of()).isRejected()).isTrue();
    }

    @Test
    void essentialCallsReportUnavailableWhenTheServiceIsSlowFailingOrGone() {
        long limit = ShortBudgetsProfile.ESSENTIAL_TIMEOUT_MS + 300;
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/validate"))
                .willReturn(okJson("{\"valid\":true}").withFixedDelay(2000)));
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/redeem"))
                .willReturn(okJson("{\"redeemed\":true}").withFixedDelay(2000)));
        assertUnavailable(limit);

        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/validate"))
                .willReturn(aResponse().withStatus(500)));
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/redeem"))
                .willReturn(aResponse().withStatus(503)));
        assertUnavailable(limit);

        WireMockServices.refuseConnections();
        assertUnavailable(limit);
    }

    private void assertUnavailable(long limit) {
        DiscountCheck check = timed(() -> discounts.validate("BLACKFRIDAY20", new BigDecimal("40.00"), null,
                List.of()), limit);
        assertThat(check.isUnavailable()).isTrue();
        assertThat(check.message()).startsWith("Discounts are unavailable right now");
        Redemption redemption = timed(() -> discounts.redeem("BLACKFRIDAY20", "R100", "a@example.com",
                new BigDecimal("40.00")), limit);
        assertThat(redemption.isRedeemed()).isFalse();
        assertThat(redemption.outcome()).isEqualTo(Redemption.Outcome.UNAVAILABLE);
        assertThat(redemption.message()).startsWith("Discounts are unavailable right now");
    }

    @Test
    void redeemMapsTheServiceAnswers() {
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/redeem"))
                .willReturn(okJson("{\"redeemed\":true,\"orderNumber\":\"R200\",\"code\":\"FREESHIP\","
                        + "\"kind\":\"free_shipping\",\"amount\":0,\"freeShipping\":true}")));
        Redemption ok = discounts.redeem("freeship", "R200", "a@example.com", new BigDecimal("30.00"));
        assertThat(ok.isRedeemed()).isTrue();
        assertThat(ok.freeShipping()).isTrue();
        assertThat(ok.code()).isEqualTo("FREESHIP");
        WireMockServices.server.stubFor(post(urlEqualTo("/api/discounts/redeem"))
                .willReturn(okJson("{\"redeemed\":false,\"orderNumber\":\"R201\",\"reason\":\"already_used\","
                        + "\"message\":\"You have already used this code.\"}")));
        Redemption no = discounts.redeem("WELCOME10", "R201", "a@example.com", new BigDecimal("30.00"));
        assertThat(no.outcome()).isEqualTo(Redemption.Outcome.REJECTED);
        assertThat(no.reason()).isEqualTo("already_used");
    }
}
