package dev.mirshop.storefront.cart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.mirshop.storefront.clients.DiscountCheck;
import dev.mirshop.storefront.clients.DiscountClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The cart's discount code. Checking a code is an essential call to the discount service, made outside any
 * database transaction (no row stays locked while the service answers); only the outcome is written.
 */
@ApplicationScoped
public class Coupons {

    public static final int MAX_CODE_LENGTH = 64;

    @Inject
    DiscountClient discounts;
    @Inject
    Clock clock;

    /** The cart's code checked against its items now; empty when the cart has no code. */
    public Optional<DiscountCheck> check(Cart cart, CartView items, Optional<Long> accountId) {
        if (cart == null || cart.discountCode == null) {
            return Optional.empty();
        }
        return Optional.of(validate(cart, cart.discountCode, items, accountId));
    }

    /** Checks a code the shopper typed; stores it on the cart only when it applies. */
    public DiscountCheck apply(Cart cart, CartView items, String typed, Optional<Long> accountId) {
        String code = typed == null ? "" : typed.strip();
        if (code.isEmpty()) {
            return DiscountCheck.rejected(code, "blank", "Please enter a discount code.");
        }
        if (code.length() > MAX_CODE_LENGTH || !code.matches("[A-Za-z0-9_-]+")) {
            return DiscountCheck.rejected(code, "unknown", ShopperMessages.reason("unknown", code, items.itemTotal()));
        }
        if (items.isEmpty()) {
            return DiscountCheck.rejected(code, "empty", "Add something to your cart before using a code.");
        }
        DiscountCheck check = validate(cart, code, items, accountId);
        if (check.isApplied()) {
            store(cart.id, check.code() == null ? code.toUpperCase(Locale.ROOT) : check.code());
        }
        return check;
    }

    private DiscountCheck validate(Cart cart, String code, CartView items, Optional<Long> accountId) {
        List<DiscountClient.CartItem> lines = items.lines().stream()
                .map(l -> new DiscountClient.CartItem(l.sku(), l.quantity(), l.unitPrice())).toList();
        DiscountCheck check = discounts.validate(code, items.itemTotal(), customerKey(cart, accountId), lines);
        if (check.isRejected()) {
            return DiscountCheck.rejected(code, check.reason(), ShopperMessages.reason(check.reason(), code, items.itemTotal()));
        }
        return check;
    }

    @Transactional
    public void store(long cartId, String code) {
        Cart cart = Cart.lockById(cartId);
        if (!Objects.equals(cart.discountCode, code)) {
            // a new code starts a new redemption: the service would answer a retry under the old number with the
            // old code's first answer
            cart.reservedOrderNumber = null;
            cart.redeemItemTotal = null;
        }
        cart.discountCode = code;
        cart.touch(clock);
    }

    @Transactional
    public void remove(long cartId) {
        store(cartId, null);
    }

    /** Who uses the code, for per-customer limits: the account, else the checkout email, else the cart. */
    public static String customerKey(Cart cart, Optional<Long> accountId) {
        Long account = accountId.orElse(cart.accountId);
        if (account != null) {
            return "account-" + account;
        }
        if (cart.email != null && !cart.email.isBlank()) {
            return cart.email.strip().toLowerCase(Locale.ROOT);
        }
        return "cart-" + cart.token;
    }

    /** The discount service's reasons in plain words. */
    public static final class ShopperMessages {
        private ShopperMessages() {
        }

        public static String reason(String reason, String code, BigDecimal itemTotal) {
            String c = code == null ? "" : code.strip();
            return switch (reason == null ? "unknown" : reason) {
                case "not_started" -> "The code " + c + " is not active yet.";
                case "expired" -> "The code " + c + " has expired.";
                case "minimum_not_met" -> itemTotal == null
                        ? "Your cart does not reach the minimum order total for " + c + "."
                        : "Your items come to $" + itemTotal.setScale(2, RoundingMode.HALF_UP)
                        + ", below the minimum order total for " + c + ". Add a little more to use it.";
                case "exhausted" -> "The code " + c + " has been used up.";
                case "already_used" -> "You have already used the code " + c + ".";
                default -> "We do not know the code " + c + ". Please check it and try again.";
            };
        }
    }
}
