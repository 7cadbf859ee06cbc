package dev.mirshop.storefront.web;

import java.util.List;
import java.util.Optional;

import dev.mirshop.platform.security.ShopIdentity;
import dev.mirshop.storefront.clients.AdClient;
import dev.mirshop.storefront.clients.AdView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The ad a page shows: the live selection for shoppers, or, for a marketer asking with {@code ?preview-campaign=},
 * the ad that campaign would show there, both from the ad service through {@link AdClient} (budgets, breakers,
 * fallbacks). Shoppers and anonymous visitors never see a preview (the parameter is ignored for them); previews are
 * never cached.
 */
@ApplicationScoped
public class PageAds {

    /** The parameter the console's preview links add to a shop page (docs/marketing.md). */
    static final String PREVIEW_PARAMETER = "preview-campaign";

    @Inject
    AdClient ads;
    @Inject
    SecurityIdentity identity;
    @Inject
    HttpServerRequest request;

    public Uni<Optional<AdView>> adFor(List<String> taxonPermalinks) {
        Optional<Long> campaign = previewedCampaign();
        return campaign.isEmpty() ? ads.adFor(taxonPermalinks) : ads.preview(campaign.get(), taxonPermalinks);
    }

    /** Keeps a marketer's preview out of every shared cache. */
    public Response.ResponseBuilder cacheControl(Response.ResponseBuilder response) {
        return previewedCampaign().isPresent() ? response.header("Cache-Control", "private, no-store") : response;
    }

    private Optional<Long> previewedCampaign() {
        if (identity.isAnonymous() || !identity.hasRole(ShopIdentity.MARKETER_ROLE)) {
            return Optional.empty();
        }
        return campaignId(request.getParam(PREVIEW_PARAMETER));
    }

    static Optional<Long> campaignId(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        long id = Long.parseLong(value);
        return id > 0 ? Optional.of(id) : Optional.empty();
    }
}
