package dev.mirshop.storefront.order;

import dev.mirshop.storefront.cart.Cart;
import dev.mirshop.storefront.cart.Shopper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/** Calls {@link OrderPlacement#placeOrder} directly, as a guest (no logged-in identity), for the cart of a token. */
@ApplicationScoped
public class GuestPlacement {

    @Inject
    OrderPlacement placement;
    @Inject
    Shopper shopper;

    @ActivateRequestContext
    public PlacedOrder place(String cartToken) {
        Cart cart = Cart.findByToken(cartToken).orElseThrow();
        return placement.placeOrder(cart, shopper);
    }
}
