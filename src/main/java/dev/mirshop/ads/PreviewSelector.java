package dev.mirshop.ads;

import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;

/** The ads of one campaign as the selector would draw them if that campaign were the live winner. */
public final class PreviewSelector {

    private PreviewSelector() {
    }

    public static List<Ad> select(Campaign campaign, Collection<String> context, int count, RandomGenerator random) {
        List<Ad> targeted = campaign.ads.stream().filter(a -> a.targetsAny(context)).toList();
        List<Ad> pool = targeted.isEmpty()
                ? campaign.ads.stream().filter(a -> a.taxonPermalink == null).toList()
                : targeted;
        return AdSelector.weightedDraw(pool, count, random);
    }
}
