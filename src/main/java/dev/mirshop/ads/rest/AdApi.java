package dev.mirshop.ads.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.mirshop.ads.Ad;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

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

    public record CampaignForm(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 60) String theme,
            Instant startsAt,
            Instant endsAt,
            Boolean yearly,
            @Max(1000) Integer priority,
            Boolean paused) {
    }

    public record CampaignView(Long id, String name, String theme, Instant startsAt, Instant endsAt, boolean yearly,
            int priority, boolean paused) {
    }

    public record AdForm(
            @NotBlank @Size(max = 120) String title,
            @NotBlank @Size(max = 250) String altText,
            @NotBlank @Size(max = 500) String targetPath,
            @Positive @Max(1_000_000) Integer weight,
            @Size(max = 255) @Pattern(regexp = "[a-z0-9-]+(/[a-z0-9-]+)*") String taxonPermalink,
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,99}") String bannerName,
            @NotBlank String contentType,
            /** the image, base64-encoded, at most 512 KiB decoded */
            @NotNull @Size(max = 700_000) String imageBase64) {
    }
}
