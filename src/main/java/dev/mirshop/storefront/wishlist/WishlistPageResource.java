package dev.mirshop.storefront.wishlist;

import java.util.Optional;

import org.jboss.resteasy.reactive.RestQuery;

import dev.mirshop.storefront.cart.Shopper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** /account/wishlist: the owner's list, in the account (its own class: /account is AccountResource's). */
@Path("/account/wishlist")
@Produces(MediaType.TEXT_HTML)
public class WishlistPageResource {

    @Inject
    Shopper shopper;
    @Inject
    WishlistResource forms;

    @GET
    public Response show(@RestQuery String saved, @RestQuery String shared) {
        Optional<Long> account = shopper.accountId();
        if (account.isEmpty()) {
            return WishlistResource.toLogin(WishlistResource.PAGE);
        }
        String notice = saved != null ? "Saved to your wishlist."
                : shared != null ? "Your wishlist has a new private link: the old one no longer works." : null;
        return forms.page(200, account.get(), notice, null);
    }
}
