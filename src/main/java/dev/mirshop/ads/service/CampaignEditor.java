package dev.mirshop.ads.service;

import dev.mirshop.ads.Ad;
import dev.mirshop.ads.BannerInspector;
import dev.mirshop.ads.Campaign;
import dev.mirshop.ads.LocalPath;
import dev.mirshop.ads.rest.CampaignAdminApi.AdEdit;
import dev.mirshop.ads.rest.CampaignAdminApi.AdUpload;
import dev.mirshop.ads.rest.CampaignAdminApi.CampaignEdit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Creates and edits campaigns and their ads. A campaign's window must make sense and its name be free in any case
 * ({@link CampaignNames}); an ad's click must stay on this shop ({@link LocalPath}); a new ad comes with its banner,
 * which {@link BannerStore} checks before anything is stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CampaignEditor {

    @Inject
    BannerStore banners;

    public Campaign create(CampaignEdit edit) {
        checkWindow(edit);
        CampaignNames.requireFree(edit.name().trim(), null);
        Campaign c = new Campaign();
        apply(edit, c);
        CampaignNames.saveRefusingTakenName(c);
        return c;
    }

    public Campaign update(long id, CampaignEdit edit) {
        Campaign c = Refusals.campaignOr404(id);
        checkWindow(edit);
        CampaignNames.requireFree(edit.name().trim(), id);
        apply(edit, c);
        CampaignNames.saveRefusingTakenName(c);
        return c;
    }

    /** A new ad with its banner; the banner name (the workshop's URL) comes from the title. */
    public Ad addAd(long campaignId, AdUpload upload) {
        Campaign campaign = Refusals.campaignOr404(campaignId);
        checkTarget(upload.targetPath());
        BannerInspector.Inspected image = banners.check(upload.contentType(), upload.imageBase64());
        Ad ad = new Ad();
        ad.campaign = campaign;
        ad.title = upload.title().trim();
        ad.altText = upload.altText().trim();
        ad.targetPath = upload.targetPath().trim();
        ad.weight = upload.weight();
        ad.taxonPermalink = blankToNull(upload.taxonPermalink());
        ad.bannerName = CampaignNames.freeBannerName(CampaignNames.bannerNameFor(upload.title()));
        ad.persist();
        banners.store(ad.id, image);
        return ad;
    }

    /** What an ad says and where it leads; its banner stays. */
    public Ad updateAd(long adId, AdEdit edit) {
        Ad ad = Refusals.adOr404(adId);
        checkTarget(edit.targetPath());
        ad.title = edit.title().trim();
        ad.altText = edit.altText().trim();
        ad.targetPath = edit.targetPath().trim();
        ad.weight = edit.weight();
        ad.taxonPermalink = blankToNull(edit.taxonPermalink());
        return ad;
    }

    private static void apply(CampaignEdit edit, Campaign c) {
        c.name = edit.name().trim();
        c.theme = edit.theme() == null || edit.theme().isBlank() ? "everyday" : edit.theme().trim();
        c.startsAt = edit.startsAt();
        c.endsAt = edit.endsAt();
        c.yearly = Boolean.TRUE.equals(edit.yearly());
        c.priority = edit.priority();
    }

    private static void checkWindow(CampaignEdit edit) {
        boolean yearly = Boolean.TRUE.equals(edit.yearly());
        if (yearly && edit.startsAt() == null) {
            throw Refusals.invalid("startsAt", "a yearly campaign needs a start");
        }
        if (yearly && edit.endsAt() == null) {
            throw Refusals.invalid("endsAt", "a yearly campaign needs an end");
        }
        if (edit.startsAt() != null && edit.endsAt() != null && !edit.endsAt().isAfter(edit.startsAt())) {
            throw Refusals.invalid("endsAt", "must be after the start");
        }
    }

    private static void checkTarget(String path) {
        if (!LocalPath.isLocal(path == null ? null : path.trim())) {
            throw Refusals.invalid("targetPath", "must be a path on this shop, such as /t/categories/mugs");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
