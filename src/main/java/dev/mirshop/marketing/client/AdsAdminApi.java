package dev.mirshop.marketing.client;

import java.util.List;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.mirshop.marketing.client.ConsoleApi.AdEdit;
import dev.mirshop.marketing.client.ConsoleApi.AdUpload;
import dev.mirshop.marketing.client.ConsoleApi.AdView;
import dev.mirshop.marketing.client.ConsoleApi.Campaign;
import dev.mirshop.marketing.client.ConsoleApi.CampaignEdit;
import dev.mirshop.marketing.client.ConsoleApi.Created;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The ad service's admin API, as the console calls it (with the service token). */
@RegisterRestClient(configKey = "ads-admin")
@RegisterProvider(ServiceCallFilter.class)
@Path("/api/ads/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface AdsAdminApi {

    @GET
    @Path("/campaigns")
    List<Campaign> campaigns();

    @GET
    @Path("/campaigns/{id}")
    Campaign campaign(@PathParam("id") long id);

    @POST
    @Path("/campaigns")
    Campaign create(CampaignEdit edit);

    @PUT
    @Path("/campaigns/{id}")
    Campaign update(@PathParam("id") long id, CampaignEdit edit);

    @POST
    @Path("/campaigns/{id}/{action}")
    Campaign act(@PathParam("id") long id, @PathParam("action") String action);

    @POST
    @Path("/campaigns/{id}/ads")
    Created addAd(@PathParam("id") long id, AdUpload upload);

    @PUT
    @Path("/ads/{adId}")
    Created updateAd(@PathParam("adId") long adId, AdEdit edit);

    @GET
    @Path("/preview")
    List<AdView> preview(@QueryParam("campaign") long campaign, @QueryParam("context") String context,
            @QueryParam("count") int count);
}
