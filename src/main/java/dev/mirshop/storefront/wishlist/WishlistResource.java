package dev.mirshop.storefront.wishlist;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import dev.mirshop.storefront.account.ReturnPath;
import dev.mirshop.storefront.cart.CartCookie;
import dev.mirshop.storefront.cart.CartException;
import dev.mirshop.storefront.cart.FormNumbers;
import dev.mirshop.storefront.cart.Shopper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The wishlist's forms (save, remove, move to the cart, a new private link; the owner's page is /account/wishlist,
 * {@link WishlistPageResource}) and /wishlist/shared/{token}, the list read-only for whoever has the link. Guests who try to save something are
 * sent to log in first and come back to where they were.
 */
@Path("/wishlist")
@Produces(MediaType.TEXT_HTML)
public class WishlistResource {

    static final String PAGE = "/account/wishlist";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance wishlist(Wishlist wishlist, String shareUrl, String notice, String error);

        static native TemplateInstance shared(Wishlist wishlist);
    }

    @Inject
    WishlistService wishlists;
    @Inject
    Shopper shopper;
    @Inject
    CartCookie cartCookie;
    @Inject
    dev.mirshop.platform.web.PublicBaseUrl baseUrl;

    @POST
    @Path("add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm("variant_id") String variantId, @RestForm("return") String returnTo) {
        Optional<Long> account = shopper.accountId();
        Long variant = FormNumbers.id(variantId);
        if (account.isEmpty()) {
            return toLogin(ReturnPath.safeOrNull(returnTo) != null ? returnTo : PAGE);
        }
        try {
            if (variant == null) {
                throw new CartException(Response.Status.BAD_REQUEST, "Please choose a product to save.");
            }
            wishlists.save(account.get(), variant);
            return seeOther(PAGE + "?saved=1");
        } catch (CartException e) {
            return page(e.status(), account.get(), null, e.getMessage());
        }
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestForm("item_id") String itemId) {
        Optional<Long> account = shopper.accountId();
        if (account.isEmpty()) {
            return toLogin(PAGE);
        }
        try {
            wishlists.remove(account.get(), requireId(itemId));
            return seeOther(PAGE);
        } catch (CartException e) {
            return page(e.status(), account.get(), null, e.getMessage());
        }
    }

    @POST
    @Path("move-to-cart")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveToCart(@RestForm("item_id") String itemId) {
        Optional<Long> account = shopper.accountId();
        if (account.isEmpty()) {
            return toLogin(PAGE);
        }
        Optional<String> token = cartCookie.token();
        try {
            String used = wishlists.moveToCart(account.get(), requireId(itemId), token);
            Response.ResponseBuilder redirect = Response.status(Response.Status.SEE_OTHER)
                    .header(HttpHeaders.LOCATION, "/cart").header(HttpHeaders.CACHE_CONTROL, "no-store");
            cartCookie.pointTo(Optional.of(used));
            return redirect.build();
        } catch (CartException e) {
            return page(e.status(), account.get(), null, e.getMessage());
        }
    }

    /** "Save for later" on the cart page. */
    @POST
    @Path("from-cart")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fromCart(@RestForm("item_id") String itemId) {
        Optional<Long> account = shopper.accountId();
        if (account.isEmpty()) {
            return toLogin("/cart");
        }
        try {
            wishlists.saveFromCart(account.get(), cartCookie.token(), requireId(itemId));
            return seeOther(PAGE + "?saved=1");
        } catch (CartException e) {
            return page(e.status(), account.get(), null, e.getMessage());
        }
    }

    @POST
    @Path("share")
    public Response newShareLink() {
        Optional<Long> account = shopper.accountId();
        if (account.isEmpty()) {
            return toLogin(PAGE);
        }
        wishlists.newShareLink(account.get());
        return seeOther(PAGE + "?shared=1");
    }

    /** Read-only for everyone, the owner too: no form, nothing that changes the list. */
    @GET
    @Path("shared/{token}")
    public Response shared(@RestPath String token) {
        Wishlist wishlist = wishlists.shared(token).orElseThrow(NotFoundException::new);
        return Response.ok(Templates.shared(wishlist)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    Response page(int status, long accountId, String notice, String error) {
        Wishlist wishlist = wishlists.of(accountId);
        String shareUrl = wishlist.sharePath() == null ? null : baseUrl.absolute(wishlist.sharePath());
        return Response.status(status).entity(Templates.wishlist(wishlist, shareUrl, notice, error))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    private static long requireId(String id) {
        Long value = FormNumbers.id(id);
        if (value == null) {
            throw new CartException(Response.Status.BAD_REQUEST, "That item is not on your wishlist.");
        }
        return value;
    }

    static Response toLogin(String returnTo) {
        String safe = ReturnPath.orDefault(returnTo);
        return seeOther("/login?return=" + URLEncoder.encode(safe, StandardCharsets.UTF_8));
    }

    private static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
