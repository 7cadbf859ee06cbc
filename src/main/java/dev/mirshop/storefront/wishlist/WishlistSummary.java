package dev.mirshop.storefront.wishlist;

import dev.mirshop.storefront.cart.Shopper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code {inject:wishlistSummary.count}}: how many variants the logged-in shopper saved (the account page). */
@Named("wishlistSummary")
@RequestScoped
public class WishlistSummary {

    @Inject
    Shopper shopper;
    @Inject
    WishlistService wishlists;

    public int count() {
        return shopper.accountId().map(wishlists::count).orElse(0);
    }
}
