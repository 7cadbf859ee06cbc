package dev.mirshop.discounts.rest;

import java.util.List;

import dev.mirshop.discounts.rest.DiscountApi.WorkshopDiscount;
import dev.mirshop.discounts.service.DiscountService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The original workshop's endpoint, kept for its clients. */
@Path("/discount")
public class WorkshopDiscountResource {

    @Inject
    DiscountService discounts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<WorkshopDiscount> list() {
        return discounts.workshopList();
    }
}
