package dev.mirshop.ads.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The JSON of the ad service's admin API (/api/ads/admin), which the marketer console calls with the service token. */
public final class CampaignAdminApi {

    private CampaignAdminApi() {
    }

    /** live, scheduled, ended or paused, at the ad service's clock. */
    public enum Status {
        live, scheduled, ended, paused
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdDetail(Long id, String title, String altText, String targetPath, int weight,
            String taxonPermalink, long impressions, long clicks, String imageUrl, String contentType,
            Integer sizeBytes, Integer width, Integer height) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CampaignSummary(Long id, String name, String theme, Instant startsAt, Instant endsAt,
            boolean yearly, int priority, boolean paused, Status status, long impressions, long clicks,
            List<AdDetail> ads) {
    }

    public record CampaignEdit(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 60) String theme,
            Instant startsAt,
            Instant endsAt,
            Boolean yearly,
            @NotNull @Min(0) @Max(1000) Integer priority) {
    }

    /** A new ad with its banner; the banner name (the workshop's URL) is derived from the title. */
    public record AdUpload(
            @NotBlank @Size(max = 120) String title,
            @NotBlank @Size(max = 250) String altText,
            @NotBlank @Size(max = 500) String targetPath,
            @NotNull @Positive @Max(1_000_000) Integer weight,
            @Size(max = 255) @Pattern(regexp = "[a-z0-9-]+(/[a-z0-9-]+)*", message = "use a taxon permalink such as categories/mugs") String taxonPermalink,
            @NotBlank String contentType,
            @NotNull @Size(max = 700_000) String imageBase64) {
    }

    public record AdEdit(
            @NotBlank @Size(max = 120) String title,
            @NotBlank @Size(max = 250) String altText,
            @NotBlank @Size(max = 500) String targetPath,
            @NotNull @Positive @Max(1_000_000) Integer weight,
            @Size(max = 255) @Pattern(regexp = "[a-z0-9-]+(/[a-z0-9-]+)*", message = "use a taxon permalink such as categories/mugs") String taxonPermalink) {
    }
}
