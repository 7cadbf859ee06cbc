package dev.mirshop.marketing;

import java.util.Collection;
import java.util.List;

import org.jboss.logging.Logger;

import dev.mirshop.marketing.client.CampaignsClient;
import dev.mirshop.marketing.client.ConsoleApi.AdView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

/**
 * The ads a page would show with a given campaign live, for marketers' previews. Decorative like the live
 * selection: any failure means no ad, never a broken page.
 */
@ApplicationScoped
public class AdPreview {

    private static final Logger LOG = Logger.getLogger(AdPreview.class);

    @Inject
    CampaignsClient campaigns;

    public List<AdView> ads(long campaignId, Collection<String> taxonPermalinks, int count) {
        try {
            return campaigns.preview(campaignId, String.join(",", taxonPermalinks), count);
        } catch (NotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            LOG.warnf("Preview of campaign %d failed: %s", campaignId, e.getMessage());
            return List.of();
        }
    }
}
