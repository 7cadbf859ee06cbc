package dev.mirshop.storefront.account;

import java.util.Optional;

import dev.mirshop.storefront.cart.Cart;
import dev.mirshop.storefront.cart.CartService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * At login (and signup) the guest's cart joins the account's cart:
 * <ul>
 * <li>guest cart and account cart: guest items move into the account cart (same variant: quantities added,
 * capped at 99 and at the variant's stock), the guest cart is deleted, the cookie points to the account cart;</li>
 * <li>guest cart only: it becomes the account's cart;</li>
 * <li>account cart only: the cookie points to it.</li>
 * </ul>
 * A cookie naming another account's cart is ignored (and replaced or cleared). Runs in the caller's transaction;
 * the carts are read and changed through {@link CartService}, locked in the order cookie cart, account cart.
 */
@ApplicationScoped
public class GuestCartMerge {

    @Inject
    CartService carts;

    /** Returns the token of the cart the mir_cart cookie must name afterwards; empty when the account has none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> merge(long accountId, Optional<String> cookieToken) {
        Optional<Cart> cookieCart = cookieToken.flatMap(carts::lockByToken);
        if (cookieCart.isPresent() && Long.valueOf(accountId).equals(cookieCart.get().accountId)) {
            return cookieToken;
        }
        Optional<Cart> guest = cookieCart.filter(cart -> cart.accountId == null);
        Optional<Cart> own = carts.lockNewestOf(accountId);

        if (guest.isPresent() && own.isPresent()) {
            carts.moveItems(guest.get(), own.get());
            return Optional.of(own.get().token);
        }
        if (guest.isPresent()) {
            carts.giveTo(guest.get(), accountId);
            return Optional.of(guest.get().token);
        }
        return own.map(cart -> cart.token);
    }
}
