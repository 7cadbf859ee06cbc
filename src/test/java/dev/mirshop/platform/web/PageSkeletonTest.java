package dev.mirshop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PageSkeletonTest {

    @Test
    void holesAreFilledInPageOrderEachTimeWithThatRequestsContent() {
        PageSkeleton page = PageSkeleton.parse("<p>" + PageSkeleton.marker("who") + "</p><i>"
                + PageSkeleton.marker("token") + "</i>" + PageSkeleton.marker("who") + ".");
        assertThat(page.holes()).containsExactly("who", "token", "who");
        assertThat(text(page.fill(Map.of("who", "Ann", "token", "t1")::get))).isEqualTo("<p>Ann</p><i>t1</i>Ann.");
        assertThat(text(page.fill(Map.of("who", "Bob", "token", "t2")::get))).isEqualTo("<p>Bob</p><i>t2</i>Bob.");
    }

    @Test
    void thePageIsUtf8BothInItsSharedPartsAndInItsHoles() {
        PageSkeleton page = PageSkeleton.parse("© MIR Shop · " + PageSkeleton.marker("who") + " “ok”");
        assertThat(page.fill(Map.of("who", "Zoë")::get)).isEqualTo("© MIR Shop · Zoë “ok”".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPageWithoutHolesIsItself() {
        PageSkeleton page = PageSkeleton.parse("<p>same for all</p>");
        assertThat(page.holes()).isEmpty();
        assertThat(text(page.fill(hole -> null))).isEqualTo("<p>same for all</p>");
    }

    @Test
    void aHoleWithoutContentIsAnErrorNotAnEmptyString() {
        PageSkeleton page = PageSkeleton.parse("a" + PageSkeleton.marker("ad") + "b");
        assertThatThrownBy(() -> page.fill(hole -> null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ad");
    }

    @Test
    void anUnterminatedMarkerIsRejected() {
        assertThatThrownBy(() -> PageSkeleton.parse("a\u0001ad b")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(byte[] page) {
        return new String(page, StandardCharsets.UTF_8);
    }
}
