package dev.mirshop.storefront.web;

import java.util.List;
import java.util.Optional;

import dev.mirshop.marketing.AdPreview;
import dev.mirshop.marketing.PreviewCampaign;
import dev.mirshop.storefront.clients.AdClient;
import dev.mirshop.storefront.clients.AdView;
import dev.mirshop.platform.web.WorkerThread;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The ad a page shows: the live selection for shoppers, or, for a marketer asking with {@code ?preview-campaign=},
 * the ad that campaign would show there. Shoppers never see a preview; previews are never cached.
 */
@ApplicationScoped
public class PageAds {

    @Inject
    AdClient live;
    @Inject
    PreviewCampaign preview;
    @Inject
    AdPreview adPreview;

    public Uni<Optional<AdView>> adFor(List<String> taxonPermalinks) {
        Optional<Long> campaign = preview.fromRequest();
        if (campaign.isEmpty()) {
            return live.adFor(taxonPermalinks);
        }
        // a marketer's preview: asked of the ad service's admin API, a blocking call
        return WorkerThread.always(() -> adPreview.ads(campaign.get(), taxonPermalinks, 1).stream().findFirst()
                .map(ad -> new AdView(ad.id(), ad.title(), ad.altText(), ad.imageUrl(), ad.clickUrl(), ad.campaign(),
                        ad.theme())));
    }

    /** Keeps a marketer's preview out of every shared cache. */
    public Response.ResponseBuilder cacheControl(Response.ResponseBuilder response) {
        return preview.active() ? response.header("Cache-Control", "private, no-store") : response;
    }
}
