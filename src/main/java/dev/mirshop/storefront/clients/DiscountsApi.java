package dev.mirshop.storefront.clients;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.mirshop.platform.security.ServiceTokenClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The discount service as the storefront sees it. Wrapped by {@link DiscountClient}, which owns the resilience. */
@RegisterRestClient(configKey = "discounts")
@RegisterProvider(LoopbackPortFilter.class)
@RegisterProvider(ServiceTokenClientFilter.class)
@Path("/api/discounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface DiscountsApi {

    @GET
    @Path("/teaser")
    TeaserDto teaser();

    @POST
    @Path("/validate")
    CheckDto validate(ValidateDto request);

    @POST
    @Path("/redeem")
    RedeemDto redeem(RedeemRequestDto request);

    @POST
    @Path("/release")
    ReleaseDto release(ReleaseRequestDto request);

    record ReleaseRequestDto(String orderNumber) {
    }

    record ReleaseDto(String orderNumber, boolean released) {
    }

    record TeaserDto(String code, String name, String kind, BigDecimal value, String headline) {
    }

    record Item(String sku, Integer quantity, BigDecimal unitPrice) {
    }

    record ValidateDto(String code, BigDecimal orderTotal, String customer, List<Item> items) {
    }

    record CheckDto(boolean valid, String code, String kind, BigDecimal amount, Boolean freeShipping, String reason,
            String message) {
    }

    record RedeemRequestDto(String code, String orderNumber, String customer, BigDecimal orderTotal) {
    }

    record RedeemDto(boolean redeemed, String orderNumber, String code, String kind, BigDecimal amount,
            Boolean freeShipping, String reason, String message) {
    }

    /** 4xx answers are answers (no teaser, a request the service refused), not failures of the service. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() >= 400 && response.getStatus() < 500) {
            return new Refused(response.getStatus());
        }
        return new WebApplicationException("Discount service answered " + response.getStatus(),
                response.getStatus());
    }

    class Refused extends RuntimeException {
        final int status;

        Refused(int status) {
            super("refused with " + status, null, false, false);
            this.status = status;
        }
    }
}
