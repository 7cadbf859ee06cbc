package dev.mirshop.storefront.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/**
 * Role "all": the storefront calls the ad and discount services in its own process over HTTP, on whatever port
 * it listens (a random one in tests), through the default {@code http://loopback} client URLs.
 */
@QuarkusTest
class LoopbackClientTest {

    @Inject
    AdClient ads;

    @Inject
    DiscountClient discounts;

    @Inject
    Engine qute;

    @Inject
    CircuitBreakerMaintenance breakers;

    /** The first call over loopback may exceed a decorative budget while the JVM warms up. */
    <T> Optional<T> firstAnswer(java.util.function.Supplier<Optional<T>> call) {
        for (int i = 0; i < 20; i++) {
            Optional<T> answer = call.get();
            if (answer.isPresent()) {
                return answer;
            }
            breakers.resetAll();
        }
        return Optional.empty();
    }

    @Test
    void adsComeFromTheInProcessAdService() {
        Optional<AdView> ad = firstAnswer(() -> ads.adFor(List.of("categories/mugs")).await().indefinitely());
        assertThat(ad).hasValueSatisfying(a -> {
            assertThat(a.imageUrl()).matches("/banners/\\d+/[0-9a-f]{16}\\.svg");
            assertThat(a.clickUrl()).matches("/ads/\\d+/click");
            assertThat(a.altText()).containsIgnoringCase("mug");
        });
    }

    @Test
    void teaserAndCodesComeFromTheInProcessDiscountService() {
        assertThat(firstAnswer(discounts::teaser)).hasValueSatisfying(t -> {
            assertThat(t.code()).isNotBlank();
            assertThat(t.headline()).isNotBlank();
        });
        DiscountCheck check = discounts.validate("blackfriday20", new BigDecimal("50.00"), null,
                List.of(new DiscountClient.CartItem("TOTE-001", 1, new BigDecimal("50.00"))));
        assertThat(check.isApplied()).as(check.toString()).isTrue();
        assertThat(check.amount()).isEqualByComparingTo("10.00");
        DiscountCheck expired = discounts.validate("SUMMER25", new BigDecimal("50.00"), null, List.of());
        assertThat(expired.isRejected()).isTrue();
        assertThat(expired.reason()).isEqualTo("expired");

        String order = "R" + UUID.randomUUID().toString().substring(0, 8);
        String who = "loop-" + UUID.randomUUID() + "@example.com";
        Redemption first = discounts.redeem("WELCOME10", order, who, new BigDecimal("30.00"));
        assertThat(first.isRedeemed()).as(first.toString()).isTrue();
        assertThat(first.amount()).isEqualByComparingTo("3.00");
        assertThat(discounts.redeem("WELCOME10", order, who, new BigDecimal("30.00")).isRedeemed()).isTrue();
        Redemption again = discounts.redeem("WELCOME10", order + "X", who, new BigDecimal("30.00"));
        assertThat(again.outcome()).isEqualTo(Redemption.Outcome.REJECTED);
        assertThat(again.reason()).isEqualTo("already_used");
    }

    @Test
    void tagsRenderTheAdAndTheTeaserOrNothing() {
        AdView ad = new AdView(7L, "Mugs", "Mugs <for> every morning", "/banners/7/0123456789abcdef.svg",
                "/ads/7/click", "Everyday", "everyday");
        String html = qute.parse("{#adBanner ad=ad /}").data("ad", Optional.of(ad)).render();
        assertThat(html).contains("<a href=\"/ads/7/click\"").contains("src=\"/banners/7/0123456789abcdef.svg\"")
                .contains("alt=\"Mugs &lt;for&gt; every morning\"");
        assertThat(qute.parse("{#adBanner ad=ad /}").data("ad", Optional.empty()).render()).isBlank();
        assertThat(qute.parse("{#adBanner /}").render()).isBlank();

        TeaserView teaser = new TeaserView("BLACKFRIDAY20", "Black Friday", "20% off");
        assertThat(qute.parse("{#discountTeaser teaser=t /}").data("t", Optional.of(teaser)).render())
                .contains("Use code <strong class=\"discount-code\">BLACKFRIDAY20</strong> for 20% off.");
        assertThat(qute.parse("{#discountTeaser teaser=t /}").data("t", Optional.empty()).render()).isBlank();
        assertThat(qute.parse("{#discountTeaser /}").data(Map.of()).render()).isBlank();
    }
}
