package dev.mirshop.marketing.client;

import java.util.List;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.mirshop.marketing.client.ConsoleApi.Discount;
import dev.mirshop.marketing.client.ConsoleApi.DiscountForm;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The discount service's management API, as the console calls it (with the service token). */
@RegisterRestClient(configKey = "discounts-admin")
@RegisterProvider(ServiceCallFilter.class)
@Path("/api/discounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface DiscountsAdminApi {

    @GET
    List<Discount> all(@QueryParam("include") String include);

    @GET
    @Path("/{id}")
    Discount get(@PathParam("id") long id);

    @POST
    Discount create(DiscountForm form);

    @PUT
    @Path("/{id}")
    Discount update(@PathParam("id") long id, DiscountForm form);

    @POST
    @Path("/{id}/deactivate")
    Discount deactivate(@PathParam("id") long id);
}
