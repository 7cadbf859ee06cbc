package dev.mirshop.ads.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.mirshop.ads.Ad;
import dev.mirshop.ads.Banner;
import dev.mirshop.ads.BannerFacts;
import dev.mirshop.ads.Campaign;
import dev.mirshop.ads.PreviewSelector;
import dev.mirshop.ads.rest.AdApi.AdView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What a page would show if this campaign were the live winner, whatever its window or paused flag, for the console's
 * preview. Counts no impression: a preview is not an audience.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CampaignPreview {

    public List<AdView> ads(long campaignId, Set<String> context, int count) {
        Campaign c = Refusals.campaignOr404(campaignId);
        List<Ad> chosen = PreviewSelector.select(c, context, count, ThreadLocalRandom.current());
        Map<Long, BannerFacts> banners = Banner.factsOf(chosen.stream().map(a -> a.id).toList());
        return chosen.stream().map(a -> AdView.of(a, imageUrl(banners.get(a.id)))).toList();
    }

    private static String imageUrl(BannerFacts banner) {
        return banner == null ? null : banner.url();
    }
}
