package dev.mirshop.marketing.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The console's own view of the ads and discounts admin JSON (it talks to the services over HTTP only). */
public final class ConsoleApi {

    private ConsoleApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdDetail(Long id, String title, String altText, String targetPath, int weight,
            String taxonPermalink, long impressions, long clicks, String imageUrl, String contentType,
            Integer sizeBytes, Integer width, Integer height) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Campaign(Long id, String name, String theme, Instant startsAt, Instant endsAt, boolean yearly,
            int priority, boolean paused, String status, long impressions, long clicks, List<AdDetail> ads) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CampaignEdit(String name, String theme, Instant startsAt, Instant endsAt, Boolean yearly,
            Integer priority) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdUpload(String title, String altText, String targetPath, Integer weight, String taxonPermalink,
            String contentType, String imageBase64) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdEdit(String title, String altText, String targetPath, Integer weight, String taxonPermalink) {
    }

    /** An ad as a page shows it (what /api/ads/select answers). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdView(Long id, String title, String altText, String targetPath, String clickUrl, String imageUrl,
            String campaign, String theme, String taxonPermalink) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Discount(Long id, String name, String code, String kind, BigDecimal value,
            BigDecimal minimumOrderTotal, Instant startsAt, Instant endsAt, Integer usageLimit,
            Integer perCustomerLimit, int timesUsed, boolean active, String headline) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DiscountForm(String name, String code, String kind, BigDecimal value, BigDecimal minimumOrderTotal,
            Instant startsAt, Instant endsAt, Integer usageLimit, Integer perCustomerLimit, Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(Long id) {
    }
}
