package dev.mirshop.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The ad business meters: shop_ad_impressions_total{campaign}, shop_ad_clicks_total{campaign}. Campaign
 * names become slugs (lower case, [a-z0-9_], 40 characters at most). No series are pre-registered:
 * campaigns are data, not code.
 */
@ApplicationScoped
public class AdMeters {

    @Inject
    MeterRegistry registry;

    /** An ad of this campaign was shown on a page. */
    public void adImpression(String campaign) {
        Counter.builder("shop.ad.impressions").description("Ads shown on pages, by campaign")
                .tag("campaign", MeterLabels.slug(campaign)).register(registry).increment();
    }

    /** An ad of this campaign was clicked (counted by the click redirect). */
    public void adClicked(String campaign) {
        Counter.builder("shop.ad.clicks").description("Ad clicks, by campaign")
                .tag("campaign", MeterLabels.slug(campaign)).register(registry).increment();
    }
}
