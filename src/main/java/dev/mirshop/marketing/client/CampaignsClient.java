package dev.mirshop.marketing.client;

import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.mirshop.marketing.client.ConsoleApi.AdEdit;
import dev.mirshop.marketing.client.ConsoleApi.AdUpload;
import dev.mirshop.marketing.client.ConsoleApi.AdView;
import dev.mirshop.marketing.client.ConsoleApi.Campaign;
import dev.mirshop.marketing.client.ConsoleApi.CampaignEdit;
import dev.mirshop.marketing.client.ConsoleApi.Created;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The console's calls to the ad service's admin API. Failures become field errors, a 404 or ServiceUnavailable. */
@ApplicationScoped
public class CampaignsClient {

    static final String SERVICE = "ad";

    @Inject
    @RestClient
    AdsAdminApi api;

    public List<Campaign> campaigns() {
        return ServiceErrors.call(SERVICE, api::campaigns);
    }

    public Campaign campaign(long id) {
        return ServiceErrors.call(SERVICE, () -> api.campaign(id));
    }

    public Campaign create(CampaignEdit edit) {
        return ServiceErrors.call(SERVICE, () -> api.create(edit));
    }

    public Campaign update(long id, CampaignEdit edit) {
        return ServiceErrors.call(SERVICE, () -> api.update(id, edit));
    }

    /** pause, resume, go-live, end or duplicate; answers the campaign (the new one for duplicate). */
    public Campaign act(long id, String action) {
        return ServiceErrors.call(SERVICE, () -> api.act(id, action));
    }

    public Created addAd(long campaignId, AdUpload upload) {
        return ServiceErrors.call(SERVICE, () -> api.addAd(campaignId, upload));
    }

    public Created updateAd(long adId, AdEdit edit) {
        return ServiceErrors.call(SERVICE, () -> api.updateAd(adId, edit));
    }

    public List<AdView> preview(long campaignId, String context, int count) {
        return ServiceErrors.call(SERVICE, () -> api.preview(campaignId, context, count));
    }
}
