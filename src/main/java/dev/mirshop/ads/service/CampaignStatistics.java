package dev.mirshop.ads.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mirshop.ads.Ad;
import dev.mirshop.ads.Banner;
import dev.mirshop.ads.BannerFacts;
import dev.mirshop.ads.Campaign;
import dev.mirshop.ads.rest.CampaignAdminApi.AdDetail;
import dev.mirshop.ads.rest.CampaignAdminApi.CampaignSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Campaigns as the console shows them: status at the service's clock, impressions and clicks (each ad's and their
 * sum), and each ad's banner (URL, type, size, dimensions) without loading its bytes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CampaignStatistics {

    @Inject
    Clock clock;

    public List<CampaignSummary> all() {
        List<Campaign> campaigns = Campaign.find("select distinct c from Campaign c left join fetch c.ads order by c.id")
                .list();
        Map<Long, BannerFacts> banners = Banner.allFacts();
        Instant now = clock.instant();
        return campaigns.stream().map(c -> summary(c, now, banners)).toList();
    }

    public CampaignSummary of(long id) {
        Campaign c = Refusals.campaignOr404(id);
        return summary(c, clock.instant(), Banner.factsOf(c.ads.stream().map(a -> a.id).toList()));
    }

    private static CampaignSummary summary(Campaign c, Instant now, Map<Long, BannerFacts> banners) {
        List<AdDetail> ads = new ArrayList<>();
        long impressions = 0;
        long clicks = 0;
        for (Ad a : c.ads) {
            impressions += a.impressions;
            clicks += a.clicks;
            ads.add(detail(a, banners.get(a.id)));
        }
        return new CampaignSummary(c.id, c.name, c.theme, c.startsAt, c.endsAt, c.yearly, c.priority, c.paused,
                CampaignSchedule.status(c, now), impressions, clicks, ads);
    }

    private static AdDetail detail(Ad a, BannerFacts banner) {
        if (banner == null) {
            return new AdDetail(a.id, a.title, a.altText, a.targetPath, a.weight, a.taxonPermalink, a.impressions,
                    a.clicks, null, null, null, null, null);
        }
        return new AdDetail(a.id, a.title, a.altText, a.targetPath, a.weight, a.taxonPermalink, a.impressions,
                a.clicks, banner.url(), banner.contentType(), banner.sizeBytes(), banner.width(), banner.height());
    }
}
