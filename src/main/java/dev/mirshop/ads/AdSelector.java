package dev.mirshop.ads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks the ads for a page: only live campaigns; the highest priority among them wins; within it, ads targeted
 * at the page's taxons beat untargeted ones (ads targeted elsewhere never show); then a weighted draw without
 * replacement. {@link #draws} makes many independent one-ad selections at once (with replacement between them), for a
 * client that takes one per page view.
 */
public final class AdSelector {

    private AdSelector() {
    }

    public static List<Ad> select(Collection<Campaign> campaigns, Instant now, Collection<String> context, int count,
            RandomGenerator random) {
        return count <= 0 ? List.of() : weightedDraw(pool(campaigns, now, context), count, random);
    }

    /** {@code draws} independent selections of one ad each: what {@code draws} page views would have been shown. */
    public static List<Ad> draws(Collection<Campaign> campaigns, Instant now, Collection<String> context, int draws,
            RandomGenerator random) {
        List<Ad> pool = pool(campaigns, now, context);
        List<Ad> chosen = new ArrayList<>(Math.max(0, draws));
        for (int i = 0; i < draws && !pool.isEmpty(); i++) {
            chosen.addAll(weightedDraw(pool, 1, random));
        }
        return chosen;
    }

    private static List<Ad> pool(Collection<Campaign> campaigns, Instant now, Collection<String> context) {
        List<Campaign> live = campaigns.stream().filter(c -> c.isLiveAt(now) && !c.ads.isEmpty()).toList();
        if (live.isEmpty()) {
            return List.of();
        }
        int top = live.stream().mapToInt(c -> c.priority).max().getAsInt();
        List<Ad> candidates = live.stream().filter(c -> c.priority == top).flatMap(c -> c.ads.stream()).toList();
        List<Ad> targeted = candidates.stream().filter(a -> a.targetsAny(context)).toList();
        return targeted.isEmpty()
                ? candidates.stream().filter(a -> a.taxonPermalink == null).toList()
                : targeted;
    }

    static List<Ad> weightedDraw(List<Ad> pool, int count, RandomGenerator random) {
        List<Ad> remaining = new ArrayList<>(pool);
        List<Ad> chosen = new ArrayList<>();
        while (chosen.size() < count && !remaining.isEmpty()) {
            long total = remaining.stream().mapToLong(a -> Math.max(1, a.weight)).sum();
            long ticket = random.nextLong(total);
            for (int i = 0; i < remaining.size(); i++) {
                ticket -= Math.max(1, remaining.get(i).weight);
                if (ticket < 0) {
                    chosen.add(remaining.remove(i));
                    break;
                }
            }
        }
        return chosen;
    }
}
