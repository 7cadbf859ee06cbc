package dev.mirshop.ads.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The naming rules of a copy for next year and of banners; uniqueness against the database: CampaignAdminApiTest. */
class CampaignNamesTest {

    @Test
    void theYearInACampaignNameMovesOn() {
        assertThat(CampaignNames.nextYearName("Christmas 2026", 2027)).isEqualTo("Christmas 2027");
        assertThat(CampaignNames.nextYearName("2026 summer sale", 2027)).isEqualTo("2027 summer sale");
        assertThat(CampaignNames.nextYearName("Sale 2026/2027", 2028)).isEqualTo("Sale 2028/2027");
        // not a year: part of a longer number or word
        assertThat(CampaignNames.nextYearName("Offer 120261", 2027)).isEqualTo("Offer 120261 2027");
        assertThat(CampaignNames.nextYearName("Christmas", 2027)).isEqualTo("Christmas 2027");
    }

    @Test
    void aNameWithoutAYearStaysWithinTheColumn() {
        String longest = "x".repeat(CampaignNames.MAX_CAMPAIGN_NAME);
        String next = CampaignNames.nextYearName(longest, 2027);
        assertThat(next).hasSize(CampaignNames.MAX_CAMPAIGN_NAME).endsWith("x 2027");
    }

    @Test
    void bannerNamesAreUrlSafeAndCarryTheYear() {
        assertThat(CampaignNames.bannerNameFor("Gifts for Everyone!")).isEqualTo("gifts-for-everyone");
        assertThat(CampaignNames.bannerNameFor("  Ünïcode -- only  ")).isEqualTo("n-code-only");
        assertThat(CampaignNames.bannerNameFor("!!!")).isEqualTo("banner");
        assertThat(CampaignNames.nextYearBannerName("christmas-gifts-2026", 2027)).isEqualTo("christmas-gifts-2027");
        assertThat(CampaignNames.nextYearBannerName("christmas-gifts", 2027)).isEqualTo("christmas-gifts-2027");
    }
}
