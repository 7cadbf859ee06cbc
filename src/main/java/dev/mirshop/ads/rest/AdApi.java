package dev.mirshop.ads.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.mirshop.ads.Ad;

/** The JSON the ad service speaks. */
public final class AdApi {

    private AdApi() {
    }

    /** An ad as a page shows it: the banner and click URLs are relative to the shop's origin. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdView(Long id, String title, String altText, String targetPath, String clickUrl, String imageUrl,
            String campaign, String theme, String taxonPermalink) {

        public static AdView of(Ad ad, String imageUrl) {
            return new AdView(ad.id, ad.title, ad.altText, ad.targetPath, "/ads/" + ad.id + "/click", imageUrl,
                    ad.campaign.name, ad.campaign.theme, ad.taxonPermalink);
        }
    }

    /**
     * The original workshop's shape: GET /ads, GET /weighted-banners/{weight}. Its keys in the order Flask's jsonify
     * writes them (sorted); the weight a JSON float as the workshop's Float column gives (ours are whole: 3.0).
     */
    @JsonPropertyOrder(alphabetic = true)
    public record WorkshopAd(Long id, String name, String url, double weight, String path) {
        public static WorkshopAd of(Ad ad) {
            return new WorkshopAd(ad.id, ad.title, ad.targetPath, ad.weight, ad.bannerName);
        }
    }

    /** GET /api/ads/targets: the taxon permalinks some ad targets, sorted. */
    public record Targets(List<String> taxons) {
    }

    /** A campaign as GET /api/ads/campaigns lists it; the console's view with statistics is CampaignAdminApi's. */
    public record CampaignView(Long id, String name, String theme, Instant startsAt, Instant endsAt, boolean yearly,
            int priority, boolean paused) {
    }
}
