package dev.mirshop.storefront.cart;

import java.math.BigDecimal;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;

import dev.mirshop.storefront.checkout.ShippingRates;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The cart page and its forms: add (from the product page), update quantity, remove. */
@Path("/cart")
@Produces(MediaType.TEXT_HTML)
public class CartResource {

    @Inject
    CartService carts;
    @Inject
    CurrentCart currentCart;
    @Inject
    Shopper shopper;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(CartView cart, String error, BigDecimal freeShippingThreshold,
                BigDecimal missingForFreeShipping);

        static native TemplateInstance invalidCookie();
    }

    @GET
    public Response show() {
        return page(200, null);
    }

    @POST
    @Path("add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm("variant_id") String variantId, @RestForm String quantity) {
        Optional<String> token = currentCart.token();
        try {
            Long variant = FormNumbers.id(variantId);
            if (variant == null) {
                throw new CartException(Response.Status.BAD_REQUEST,
                        variantId == null || variantId.isBlank() ? "Please choose a product to add to your cart."
                                : "That product could not be found.");
            }
            int count = FormNumbers.quantity(quantity);
            String used = carts.add(token, shopper.accountId(), variant, count);
            Response.ResponseBuilder redirect = Response.status(Response.Status.SEE_OTHER).header("Location", "/cart");
            if (token.isEmpty() || !token.get().equals(used)) {
                redirect.cookie(CartCookie.issue(used, currentCart.secure()));
            }
            return redirect.build();
        } catch (CartException e) {
            return page(e.status(), e.getMessage());
        }
    }

    @POST
    @Path("update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestForm("item_id") String itemId, @RestForm String quantity) {
        Optional<String> token = currentCart.token();
        try {
            long item = requireItem(itemId);
            carts.update(token, item, FormNumbers.quantity(quantity));
            return backToCart();
        } catch (CartException e) {
            return page(e.status(), e.getMessage());
        }
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestForm("item_id") String itemId) {
        Optional<String> token = currentCart.token();
        try {
            carts.remove(token, requireItem(itemId));
            return backToCart();
        } catch (CartException e) {
            return page(e.status(), e.getMessage());
        }
    }

    private static long requireItem(String itemId) {
        Long item = FormNumbers.id(itemId);
        if (item == null) {
            throw new CartException(Response.Status.BAD_REQUEST, "That item is not in your cart.");
        }
        return item;
    }

    private static Response backToCart() {
        return Response.status(Response.Status.SEE_OTHER).header("Location", "/cart").build();
    }

    private Response page(int status, String error) {
        CartView cart = carts.view(currentCart.token());
        BigDecimal missing = ShippingRates.FREE_STANDARD_FROM.subtract(cart.itemTotal());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.show(cart, error, ShippingRates.FREE_STANDARD_FROM,
                        missing.signum() > 0 ? missing : BigDecimal.ZERO))
                .build();
    }
}
