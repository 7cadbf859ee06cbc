package dev.mirshop.storefront.cart;

import java.math.BigDecimal;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;

import dev.mirshop.storefront.pricing.ShippingRates;
import dev.mirshop.storefront.pricing.Totals;
import dev.mirshop.storefront.clients.DiscountCheck;
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

/** The cart page and its forms: add (from the product page), update quantity, remove, apply or remove a code. */
@Path("/cart")
@Produces(MediaType.TEXT_HTML)
public class CartResource {

    @Inject
    CartService carts;
    @Inject
    CartCookie cartCookie;
    @Inject
    Shopper shopper;
    @Inject
    Coupons coupons;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(CartView cart, String error, BigDecimal freeShippingThreshold,
                BigDecimal missingForFreeShipping, DiscountCheck coupon, Totals totals, String couponCode,
                String couponError);

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
        Optional<String> token = cartCookie.token();
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
            cartCookie.pointTo(Optional.of(used));
            return redirect.build();
        } catch (CartException e) {
            return page(e.status(), e.getMessage());
        }
    }

    @POST
    @Path("update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestForm("item_id") String itemId, @RestForm String quantity) {
        Optional<String> token = cartCookie.token();
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
        Optional<String> token = cartCookie.token();
        try {
            carts.remove(token, requireItem(itemId));
            return backToCart();
        } catch (CartException e) {
            return page(e.status(), e.getMessage());
        }
    }

    /**
     * Applies a discount code: checked by the discount service against the cart now, stored only when it applies.
     * A rejected code answers 400 with the reason next to the field; a service that is down or slow answers 503
     * with "Discounts are unavailable right now"; the cart is kept either way.
     */
    @POST
    @Path("coupon")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response applyCoupon(@RestForm String code) {
        Optional<Cart> cart = carts.find(cartCookie.token());
        if (cart.isEmpty()) {
            return page(400, null, code, "Add something to your cart before using a code.");
        }
        DiscountCheck check = coupons.apply(cart.get(), carts.view(cart.get().id), code, shopper.accountId());
        if (check.isApplied()) {
            return backToCart();
        }
        return page(check.isUnavailable() ? 503 : 400, null, code, check.message());
    }

    @POST
    @Path("coupon/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeCoupon() {
        carts.find(cartCookie.token()).ifPresent(cart -> coupons.remove(cart.id));
        return backToCart();
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
        return page(status, error, null, null);
    }

    private Response page(int status, String error, String couponCode, String couponError) {
        Optional<Cart> found = carts.find(cartCookie.token());
        CartView cart = found.map(c -> carts.view(c.id)).orElse(CartView.empty());
        // the stored code is checked again against the cart as it is now: totals are computed here, never trusted
        Optional<DiscountCheck> coupon = cart.isEmpty() ? Optional.empty()
                : found.flatMap(c -> coupons.check(c, cart, shopper.accountId()));
        Totals totals = coupon.filter(DiscountCheck::isApplied)
                .map(c -> new Totals(cart.itemTotal(), BigDecimal.ZERO.setScale(2),
                        Totals.discountOf(c.amount(), c.freeShipping(), cart.itemTotal(), BigDecimal.ZERO),
                        cart.currency(), c.code(), c.freeShipping()))
                .orElse(new Totals(cart.itemTotal(), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                        cart.currency()));
        BigDecimal missing = ShippingRates.FREE_STANDARD_FROM.subtract(cart.itemTotal());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.show(cart, error, ShippingRates.FREE_STANDARD_FROM,
                        missing.signum() > 0 ? missing : BigDecimal.ZERO, coupon.orElse(null), totals,
                        couponCode, couponError))
                .build();
    }
}
