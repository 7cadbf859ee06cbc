package dev.mirshop.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The selection rules, without the database. */
class AdSelectorTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static long ids = 1;

    static Campaign campaign(String name, int priority, Instant starts, Instant ends) {
        Campaign c = new Campaign();
        c.id = ids++;
        c.name = name;
        c.priority = priority;
        c.startsAt = starts;
        c.endsAt = ends;
        return c;
    }

    static Ad ad(Campaign c, String title, int weight, String taxon) {
        Ad a = new Ad();
        a.id = ids++;
        a.campaign = c;
        a.title = title;
        a.weight = weight;
        a.taxonPermalink = taxon;
        c.ads.add(a);
        return a;
    }

    static List<String> titles(List<Ad> ads) {
        return ads.stream().map(a -> a.title).toList();
    }

    @Test
    void onlyLiveCampaignsInsideTheirWindowAndNotPaused() {
        Campaign past = campaign("past", 9, NOW.minusSeconds(7200), NOW.minusSeconds(1));
        ad(past, "past", 1, null);
        Campaign future = campaign("future", 9, NOW.plusSeconds(1), NOW.plusSeconds(7200));
        ad(future, "future", 1, null);
        Campaign paused = campaign("paused", 9, null, null);
        paused.paused = true;
        ad(paused, "paused", 1, null);
        Campaign always = campaign("always", 0, null, null);
        ad(always, "always", 1, null);
        List<Ad> chosen = AdSelector.select(List.of(past, future, paused, always), NOW, Set.of(), 3, new SplittableRandom());
        assertThat(titles(chosen)).containsExactly("always");
        // the window starts inclusively and ends exclusively
        Campaign edge = campaign("edge", 9, NOW, NOW.plusSeconds(10));
        ad(edge, "edge", 1, null);
        assertThat(titles(AdSelector.select(List.of(edge, always), NOW, Set.of(), 1, new SplittableRandom())))
                .containsExactly("edge");
        assertThat(titles(AdSelector.select(List.of(edge, always), NOW.plusSeconds(10), Set.of(), 1,
                new SplittableRandom()))).containsExactly("always");
    }

    @Test
    void yearlyWindowRepeatsEveryYearAndMayWrapOverNewYear() {
        Campaign christmas = campaign("christmas", 10, Instant.parse("2000-12-01T00:00:00Z"),
                Instant.parse("2000-12-27T00:00:00Z"));
        christmas.yearly = true;
        assertThat(christmas.isLiveAt(Instant.parse("2026-11-25T12:00:00Z"))).isFalse();
        assertThat(christmas.isLiveAt(Instant.parse("2026-11-30T23:59:59Z"))).isFalse();
        assertThat(christmas.isLiveAt(Instant.parse("2026-12-01T00:00:00Z"))).isTrue();
        assertThat(christmas.isLiveAt(Instant.parse("2031-12-26T23:59:59Z"))).isTrue();
        assertThat(christmas.isLiveAt(Instant.parse("2026-12-27T00:00:00Z"))).isFalse();
        Campaign newYear = campaign("new year", 1, Instant.parse("2000-12-30T00:00:00Z"),
                Instant.parse("2000-01-03T00:00:00Z"));
        newYear.yearly = true;
        assertThat(newYear.isLiveAt(Instant.parse("2026-12-31T10:00:00Z"))).isTrue();
        assertThat(newYear.isLiveAt(Instant.parse("2027-01-02T10:00:00Z"))).isTrue();
        assertThat(newYear.isLiveAt(Instant.parse("2027-01-03T10:00:00Z"))).isFalse();
        assertThat(newYear.isLiveAt(Instant.parse("2026-07-01T10:00:00Z"))).isFalse();
    }

    @Test
    void highestPriorityWins() {
        Campaign low = campaign("low", 1, null, null);
        ad(low, "low", 100, null);
        Campaign high = campaign("high", 5, null, null);
        ad(high, "high-a", 1, null);
        ad(high, "high-b", 1, null);
        List<Ad> chosen = AdSelector.select(List.of(low, high), NOW, Set.of(), 5, new SplittableRandom());
        assertThat(titles(chosen)).containsExactlyInAnyOrder("high-a", "high-b");
        // a campaign without ads does not take the slot
        Campaign empty = campaign("empty", 50, null, null);
        assertThat(titles(AdSelector.select(List.of(low, empty), NOW, Set.of(), 1, new SplittableRandom())))
                .containsExactly("low");
    }

    @Test
    void targetedAdsBeatUntargetedOnesAndAdsTargetedElsewhereNeverShow() {
        Campaign c = campaign("c", 0, null, null);
        ad(c, "general", 1000, null);
        ad(c, "mugs", 1, "categories/mugs");
        ad(c, "clothing", 1, "categories/clothing");
        for (int i = 0; i < 50; i++) {
            assertThat(titles(AdSelector.select(List.of(c), NOW, Set.of("categories/mugs"), 1, new SplittableRandom())))
                    .containsExactly("mugs");
            // descendants of a targeted taxon count as targeted
            assertThat(titles(AdSelector.select(List.of(c), NOW, Set.of("brands/acme", "categories/clothing/shirts"),
                    1, new SplittableRandom()))).containsExactly("clothing");
            assertThat(titles(AdSelector.select(List.of(c), NOW, Set.of("categories/bags"), 3, new SplittableRandom())))
                    .containsExactly("general");
        }
        // a prefix that is not a parent does not count
        assertThat(titles(AdSelector.select(List.of(c), NOW, Set.of("categories/mugsy"), 1, new SplittableRandom())))
                .containsExactly("general");
    }

    @Test
    void weightsDecideHowOftenEachAdIsDrawn() {
        Campaign c = campaign("c", 0, null, null);
        ad(c, "one", 1, null);
        ad(c, "two", 2, null);
        ad(c, "seven", 7, null);
        SplittableRandom random = new SplittableRandom();
        Map<String, Integer> counts = new HashMap<>();
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            String title = AdSelector.select(List.of(c), NOW, Set.of(), 1, random).get(0).title;
            counts.merge(title, 1, Integer::sum);
        }
        // expected 10%, 20%, 70%; the standard deviation over 40,000 draws is under 0.25 points
        assertThat(counts.get("one") / (double) draws).isCloseTo(0.10, within(0.015));
        assertThat(counts.get("two") / (double) draws).isCloseTo(0.20, within(0.015));
        assertThat(counts.get("seven") / (double) draws).isCloseTo(0.70, within(0.015));
    }

    @Test
    void severalAdsAreDistinct() {
        Campaign c = campaign("c", 0, null, null);
        ad(c, "a", 1, null);
        ad(c, "b", 50, null);
        ad(c, "c", 1, null);
        for (int i = 0; i < 100; i++) {
            assertThat(titles(AdSelector.select(List.of(c), NOW, Set.of(), 3, new SplittableRandom())))
                    .containsExactlyInAnyOrder("a", "b", "c");
        }
        assertThat(AdSelector.select(List.of(c), NOW, Set.of(), 10, new SplittableRandom())).hasSize(3);
    }

    @Test
    void localPathsOnly() {
        assertThat(LocalPath.isLocal("/")).isTrue();
        assertThat(LocalPath.isLocal("/t/categories/mugs")).isTrue();
        assertThat(LocalPath.isLocal("/products?keywords=mug&page=2")).isTrue();
        assertThat(LocalPath.isLocal("//evil.example")).isFalse();
        assertThat(LocalPath.isLocal("///evil.example")).isFalse();
        assertThat(LocalPath.isLocal("/\\evil.example")).isFalse();
        assertThat(LocalPath.isLocal("/x\\y")).isFalse();
        assertThat(LocalPath.isLocal("http://evil.example/")).isFalse();
        assertThat(LocalPath.isLocal("https:/evil.example")).isFalse();
        assertThat(LocalPath.isLocal("javascript:alert(1)")).isFalse();
        assertThat(LocalPath.isLocal("evil.example")).isFalse();
        assertThat(LocalPath.isLocal("/ok\r\nLocation: http://evil")).isFalse();
        assertThat(LocalPath.isLocal("/\tevil")).isFalse();
        assertThat(LocalPath.isLocal("")).isFalse();
        assertThat(LocalPath.isLocal(null)).isFalse();
    }
}
