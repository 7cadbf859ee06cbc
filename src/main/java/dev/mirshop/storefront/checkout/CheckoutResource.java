package dev.mirshop.storefront.checkout;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;

import dev.mirshop.observability.StorefrontMeters;
import dev.mirshop.platform.faults.PaymentFaults;
import dev.mirshop.platform.forms.FieldErrors;
import dev.mirshop.storefront.address.Countries;
import dev.mirshop.storefront.cart.Cart;
import dev.mirshop.storefront.cart.CartCookie;
import dev.mirshop.storefront.cart.Coupons;
import dev.mirshop.storefront.cart.Shopper;
import dev.mirshop.storefront.clients.DiscountCheck;
import dev.mirshop.storefront.order.CheckoutIncompleteException;
import dev.mirshop.storefront.order.DiscountNotRedeemedException;
import dev.mirshop.storefront.order.EmptyCartException;
import dev.mirshop.storefront.order.OrderPlacement;
import dev.mirshop.storefront.order.OutOfStockException;
import dev.mirshop.storefront.order.PlacedOrder;
import dev.mirshop.storefront.pricing.ShippingMethod;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Spree's checkout: address, delivery, payment, confirm. Each step is a page and a form; a step opens only when
 * the steps before it are done, otherwise the shopper is sent back to the first one still to do.
 */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class CheckoutResource {

    @Inject
    StorefrontMeters meters;

    @Inject
    CartCookie cartCookie;
    @Inject
    Shopper shopper;
    @Inject
    CheckoutService checkoutService;
    @Inject
    BogusGateway gateway;
    @Inject
    OrderPlacement placement;
    @Inject
    Coupons coupons;
    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance address(StepIndicator steps, CheckoutSummary summary, AddressForm form,
                FieldErrors errors, List<Countries.Country> countries, boolean guest);

        static native TemplateInstance delivery(StepIndicator steps, CheckoutSummary summary,
                List<ShippingOption> options, String error);

        static native TemplateInstance payment(StepIndicator steps, CheckoutSummary summary, String method,
                String expiry, FieldErrors errors, String declined);

        static native TemplateInstance confirm(StepIndicator steps, CheckoutSummary summary, Checkout checkout,
                String shippingName, String countryName, List<String> problems);

        static native TemplateInstance empty();
    }

    @GET
    public Response start() {
        Checkout checkout = load();
        return redirect(checkout.firstIncomplete());
    }

    // --- address

    @GET
    @Path("address")
    public Response address() {
        Checkout checkout = load();
        AddressForm form = checkoutService.addressFor(checkout, shopper.accountId(), shopper.email());
        meters.checkoutStep("address");
        return page(200, addressPage(checkout, form, new FieldErrors()));
    }

    @POST
    @Path("address")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveAddress(@BeanParam AddressForm form) {
        Checkout checkout = load();
        FieldErrors errors = form.validate();
        if (!errors.isEmpty()) {
            return page(400, addressPage(checkout, form, errors));
        }
        checkoutService.saveAddress(checkout.cart().id, form);
        return redirect(Step.DELIVERY);
    }

    private TemplateInstance addressPage(Checkout checkout, AddressForm form, FieldErrors errors) {
        return Templates.address(steps(Step.ADDRESS, checkout), summary(checkout), form, errors, Countries.ALL,
                shopper.isGuest());
    }

    // --- delivery

    @GET
    @Path("delivery")
    public Response delivery() {
        Checkout checkout = load();
        if (!checkout.canOpen(Step.DELIVERY)) {
            return redirect(checkout.firstIncomplete());
        }
        meters.checkoutStep("delivery");
        return page(200, deliveryPage(checkout, checkout.cart().shippingMethod, null));
    }

    @POST
    @Path("delivery")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveDelivery(@RestForm("shipping_method") String code) {
        Checkout checkout = load();
        if (!checkout.canOpen(Step.DELIVERY)) {
            return redirect(checkout.firstIncomplete());
        }
        if (!checkoutService.saveDelivery(checkout.cart().id, code)) {
            return page(400, deliveryPage(checkout, null, "Please choose a delivery option from the list."));
        }
        return redirect(Step.PAYMENT);
    }

    private TemplateInstance deliveryPage(Checkout checkout, String selected, String error) {
        return Templates.delivery(steps(Step.DELIVERY, checkout), summary(checkout),
                checkoutService.shippingOptions(checkout.items(), selected), error);
    }

    // --- payment

    @GET
    @Path("payment")
    public Response payment() {
        Checkout checkout = load();
        if (!checkout.canOpen(Step.PAYMENT)) {
            return redirect(checkout.firstIncomplete());
        }
        String method = checkout.cart().paymentMethod == null ? PaymentForm.CARD : checkout.cart().paymentMethod;
        meters.checkoutStep("payment");
        return page(200, paymentPage(checkout, method, "", new FieldErrors(), null));
    }

    @POST
    @Path("payment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePayment(@BeanParam PaymentForm form) {
        Checkout checkout = load();
        if (!checkout.canOpen(Step.PAYMENT)) {
            return redirect(checkout.firstIncomplete());
        }
        FieldErrors errors = form.validate(clock);
        String method = form.isCod() ? PaymentForm.COD : PaymentForm.CARD;
        if (!errors.isEmpty()) {
            return page(400, paymentPage(checkout, method, form.expiryForRedisplay(), errors, null));
        }
        long cartId = checkout.cart().id;
        if (form.isCod()) {
            checkoutService.savePayOnDelivery(cartId);
            return redirect(Step.CONFIRM);
        }
        BogusGateway.Authorization authorization;
        try {
            authorization = gateway.authorize(form);
        } catch (PaymentFaults.GatewayTimeout e) {
            return page(504, paymentPage(checkout, method, form.expiryForRedisplay(), errors,
                    "The payment provider did not answer in time. Nothing was charged; please try again in a moment."));
        }
        if (!authorization.approved()) {
            checkoutService.forgetPayment(cartId);
            meters.paymentDeclined();
            return page(402, paymentPage(checkout, method, form.expiryForRedisplay(), errors,
                    "Your card was declined. Please check the details, use another card or choose Pay on delivery."));
        }
        checkoutService.saveCard(cartId, authorization.brand(), authorization.last4());
        return redirect(Step.CONFIRM);
    }

    private TemplateInstance paymentPage(Checkout checkout, String method, String expiry, FieldErrors errors,
            String declined) {
        return Templates.payment(steps(Step.PAYMENT, checkout), summary(checkout), method, expiry, errors, declined);
    }

    // --- confirm and place the order

    @GET
    @Path("confirm")
    public Response confirm() {
        Checkout checkout = load();
        if (!checkout.canOpen(Step.CONFIRM)) {
            return redirect(checkout.firstIncomplete());
        }
        meters.checkoutStep("confirm");
        return page(200, confirmPage(checkout, List.of()));
    }

    /**
     * Places the order. Anything the form sends besides the CSRF token is ignored: prices come from the database.
     * The cart's lines are read by the placement itself, once; this page reads them only to show a problem.
     */
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response placeOrder() {
        Optional<Cart> cart = checkoutService.cart(cartCookie.token());
        if (cart.isEmpty()) {
            return page(400, Templates.empty());
        }
        try {
            PlacedOrder order = placement.placeOrder(cart.get(), shopper);
            return Response.status(Response.Status.SEE_OTHER).header("Location", order.link()).build();
        } catch (OutOfStockException e) {
            return page(409, confirmPage(load(), e.messages()));
        } catch (DiscountNotRedeemedException e) {
            // nothing was placed: stock untouched, cart and code kept; the shopper removes the code or retries
            return page(e.unavailable() ? 503 : 409, confirmPage(load(), List.of(e.shopperMessage())));
        } catch (EmptyCartException e) {
            return page(400, Templates.empty());
        } catch (CheckoutIncompleteException e) {
            return redirect(load().firstIncomplete());
        }
    }

    private TemplateInstance confirmPage(Checkout checkout, List<String> problems) {
        return Templates.confirm(steps(Step.CONFIRM, checkout), summary(checkout), checkout,
                ShippingMethod.nameOf(checkout.cart().shippingMethod),
                Countries.name(checkout.cart().shipTo.country), problems);
    }

    // --- helpers

    /** The shopper's checkout; a missing or empty cart ends here with the "Your cart is empty" page. */
    private Checkout load() {
        Optional<Checkout> checkout = checkoutService.load(cartCookie.token());
        if (checkout.isEmpty() || checkout.get().isEmpty()) {
            throw new EmptyCheckoutException(page(400, Templates.empty()));
        }
        return checkout.get();
    }

    /** Totals with the cart's code checked again now (the discount service is asked on every step). */
    private CheckoutSummary summary(Checkout checkout) {
        Optional<DiscountCheck> coupon = coupons.check(checkout.cart(), checkout.items(), shopper.accountId());
        String note = coupon.filter(c -> !c.isApplied())
                .map(c -> "Code " + c.code() + ": " + c.message()).orElse(null);
        return new CheckoutSummary(checkout.items(),
                checkoutService.totals(checkout.items(), checkout.cart().shippingMethod, coupon),
                checkout.cart().shippingMethod != null, note);
    }

    private static StepIndicator steps(Step current, Checkout checkout) {
        return StepIndicator.of(current, checkout.firstIncomplete());
    }

    private static Response redirect(Step step) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", step.path()).build();
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(page).build();
    }
}
