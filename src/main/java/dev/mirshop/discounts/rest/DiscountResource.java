package dev.mirshop.discounts.rest;

import java.net.URI;
import java.util.List;

import dev.mirshop.discounts.DiscountCode;
import dev.mirshop.discounts.rest.DiscountApi.DiscountForm;
import dev.mirshop.discounts.rest.DiscountApi.DiscountView;
import dev.mirshop.discounts.rest.DiscountApi.RedeemRequest;
import dev.mirshop.discounts.rest.DiscountApi.RedeemResponse;
import dev.mirshop.discounts.rest.DiscountApi.ReleaseRequest;
import dev.mirshop.discounts.rest.DiscountApi.ReleaseResponse;
import dev.mirshop.discounts.rest.DiscountApi.ValidateRequest;
import dev.mirshop.discounts.rest.DiscountApi.ValidateResponse;
import dev.mirshop.discounts.service.DiscountService;
import dev.mirshop.discounts.service.DiscountService.Validation;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The discount service's API: what the storefront asks at checkout and what the marketer console manages. */
@Path("/api/discounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiscountResource {

    @Inject
    DiscountService discounts;

    /** Live codes; {@code ?include=all} lists every code for the marketer console (service token only). */
    @GET
    public List<DiscountView> list(@QueryParam("include") String include) {
        List<DiscountCode> codes;
        if (include == null || include.isBlank()) {
            codes = discounts.live();
        } else if ("all".equals(include)) {
            codes = discounts.all();
        } else {
            throw new BadRequestException("include must be 'all' or absent");
        }
        return codes.stream().map(DiscountView::of).toList();
    }

    /** The code to advertise on the shop's pages; 404 when there is none. */
    @GET
    @Path("/teaser")
    public DiscountView teaser() {
        return discounts.teaser().map(DiscountView::of)
                .orElseThrow(() -> new NotFoundException("No discount to advertise right now"));
    }

    @GET
    @Path("/{id: \\d{1,18}}")
    public DiscountView get(@PathParam("id") long id) {
        return DiscountView.of(discounts.get(id));
    }

    @POST
    @Path("/validate")
    public ValidateResponse validate(@Valid @NotNull ValidateRequest request) {
        Validation validation = discounts.validate(request.code(), request.orderTotal(), request.customer());
        if (validation.verdict().applies()) {
            return ValidateResponse.applied(validation.code(), validation.verdict().amount());
        }
        return ValidateResponse.rejected(request.code(), validation.verdict().reason());
    }

    @POST
    @Path("/redeem")
    public RedeemResponse redeem(@Valid @NotNull RedeemRequest request) {
        return discounts.redeem(request);
    }

    /**
     * Gives back the code an order redeemed when the order was not placed after all (stock ran out): the code's use
     * is uncounted and the customer may use it again. Idempotent: releasing twice, or an order that redeemed
     * nothing, answers {@code released: false}.
     */
    @POST
    @Path("/release")
    public ReleaseResponse release(@Valid @NotNull ReleaseRequest request) {
        return new ReleaseResponse(request.orderNumber(), discounts.release(request.orderNumber()));
    }

    @POST
    public Response create(@Valid @NotNull DiscountForm form) {
        DiscountCode code = discounts.create(form);
        return Response.created(URI.create("/api/discounts/" + code.id)).entity(DiscountView.of(code)).build();
    }

    @PUT
    @Path("/{id: \\d{1,18}}")
    public DiscountView update(@PathParam("id") long id, @Valid @NotNull DiscountForm form) {
        return DiscountView.of(discounts.update(id, form));
    }

    /** Deactivates (never deletes: redemptions keep pointing at the code). */
    @DELETE
    @Path("/{id: \\d{1,18}}")
    public DiscountView deactivate(@PathParam("id") long id) {
        return DiscountView.of(discounts.deactivate(id));
    }

    @POST
    @Path("/{id: \\d{1,18}}/deactivate")
    @Consumes(MediaType.WILDCARD)
    public DiscountView deactivateByPost(@PathParam("id") long id) {
        return deactivate(id);
    }
}
