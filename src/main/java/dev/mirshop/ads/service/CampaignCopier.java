package dev.mirshop.ads.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.mirshop.ads.Ad;
import dev.mirshop.ads.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Copies a campaign for next year (next year's Christmas from this year's): the same settings, ads and banners, the
 * window shifted one year, next year in the campaign's and banners' names ({@link CampaignNames}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CampaignCopier {

    @Inject
    Clock clock;

    @Inject
    BannerStore banners;

    public Campaign copyForNextYear(long id) {
        Campaign source = Refusals.campaignOr404(id);
        Campaign copy = new Campaign();
        copy.theme = source.theme;
        copy.startsAt = plusYear(source.startsAt);
        copy.endsAt = plusYear(source.endsAt);
        copy.yearly = source.yearly;
        copy.priority = source.priority;
        copy.paused = source.paused;
        int nextYear = copy.startsAt != null ? yearOf(copy.startsAt) : yearOf(clock.instant()) + 1;
        copy.name = CampaignNames.freeCampaignName(CampaignNames.nextYearName(source.name, nextYear));
        CampaignNames.saveRefusingTakenName(copy);
        for (Ad ad : source.ads) {
            Ad a = new Ad();
            a.campaign = copy;
            a.title = ad.title;
            a.altText = ad.altText;
            a.targetPath = ad.targetPath;
            a.weight = ad.weight;
            a.taxonPermalink = ad.taxonPermalink;
            a.bannerName = CampaignNames.freeBannerName(CampaignNames.nextYearBannerName(ad.bannerName, nextYear));
            a.persist();
            copy.ads.add(a);
            banners.copy(ad.id, a.id);
        }
        return copy;
    }

    private static int yearOf(Instant t) {
        return t.atZone(ZoneOffset.UTC).getYear();
    }

    private static Instant plusYear(Instant t) {
        return t == null ? null : t.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
    }
}
