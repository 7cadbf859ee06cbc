package dev.mirshop.storefront.web;

import static dev.mirshop.storefront.web.Hole.AD;
import static dev.mirshop.storefront.web.Hole.CSRF_TOKEN;
import static dev.mirshop.storefront.web.Hole.KEYWORDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PageSkeletonTest {

    @Test
    void holesAreFilledInPageOrderEachTimeWithThatRequestsContent() {
        PageSkeleton page = PageSkeleton.parse("<p>" + PageSkeleton.marker(KEYWORDS) + "</p><i>"
                + PageSkeleton.marker(CSRF_TOKEN) + "</i>" + PageSkeleton.marker(KEYWORDS) + ".");
        assertThat(page.holes()).containsExactly(KEYWORDS, CSRF_TOKEN, KEYWORDS);
        assertThat(page.has(KEYWORDS)).isTrue();
        assertThat(page.has(AD)).isFalse();
        assertThat(text(page.fill(Map.of(KEYWORDS, "Ann", CSRF_TOKEN, "t1")::get))).isEqualTo("<p>Ann</p><i>t1</i>Ann.");
        assertThat(text(page.fill(Map.of(KEYWORDS, "Bob", CSRF_TOKEN, "t2")::get))).isEqualTo("<p>Bob</p><i>t2</i>Bob.");
    }

    @Test
    void thePageIsUtf8BothInItsSharedPartsAndInItsHoles() {
        PageSkeleton page = PageSkeleton.parse("© MIR Shop · " + PageSkeleton.marker(KEYWORDS) + " “ok”");
        assertThat(page.fill(Map.of(KEYWORDS, "Zoë")::get)).isEqualTo("© MIR Shop · Zoë “ok”".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPageWithoutHolesIsItself() {
        PageSkeleton page = PageSkeleton.parse("<p>same for all</p>");
        assertThat(page.holes()).isEmpty();
        assertThat(text(page.fill(hole -> null))).isEqualTo("<p>same for all</p>");
    }

    @Test
    void aHoleWithoutContentIsAnErrorNotAnEmptyString() {
        PageSkeleton page = PageSkeleton.parse("a" + PageSkeleton.marker(AD) + "b");
        assertThatThrownBy(() -> page.fill(hole -> null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AD");
    }

    @Test
    void anUnterminatedMarkerIsRejected() {
        assertThatThrownBy(() -> PageSkeleton.parse("a\u0001AD b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageSkeleton.parse("a\u0001who\u0001b")).as("a name that is no Hole")
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(byte[] page) {
        return new String(page, StandardCharsets.UTF_8);
    }
}
