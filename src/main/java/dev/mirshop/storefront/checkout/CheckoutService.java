package dev.mirshop.storefront.checkout;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.mirshop.storefront.account.Account;
import dev.mirshop.storefront.cart.Cart;
import dev.mirshop.storefront.cart.CartService;
import dev.mirshop.storefront.cart.CartView;
import dev.mirshop.storefront.cart.PaymentMethod;
import dev.mirshop.storefront.clients.DiscountCheck;
import dev.mirshop.storefront.pricing.ShippingMethod;
import dev.mirshop.storefront.pricing.ShippingRates;
import dev.mirshop.storefront.pricing.Totals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Saves each checkout step on the cart and prices the checkout. Card numbers never reach this class. */
@ApplicationScoped
@Transactional
public class CheckoutService {

    @Inject
    CartService carts;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Checkout> load(Optional<String> token) {
        return carts.find(token).map(cart -> new Checkout(cart, carts.view(cart.id)));
    }

    /** What the address form shows first: the cart's saved address, else the account's, else an empty form. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AddressForm addressFor(Checkout checkout, Optional<Long> accountId, Optional<String> accountEmail) {
        if (checkout.cart().email != null) {
            return AddressForm.fromCart(checkout.cart());
        }
        Optional<Account> account = accountId.flatMap(id -> Account.<Account>findByIdOptional(id));
        if (account.isPresent()) {
            return AddressForm.fromAccount(account.get());
        }
        AddressForm form = AddressForm.fromCart(checkout.cart());
        form.email = accountEmail.orElse(null);
        return form;
    }

    public void saveAddress(long cartId, AddressForm form) {
        Cart cart = Cart.lockById(cartId);
        form.copyTo(cart);
        cart.touch(clock);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShippingOption> shippingOptions(CartView items, String selected) {
        BigDecimal itemTotal = items.itemTotal();
        List<ShippingMethod> methods = ShippingMethod.listOrdered();
        // Nothing chosen yet: preselect the first (cheapest) method.
        String chosen = methods.stream().anyMatch(m -> m.code.equals(selected)) ? selected
                : methods.isEmpty() ? null : methods.get(0).code;
        return methods.stream()
                .map(m -> new ShippingOption(m.code, m.name, m.description, ShippingRates.price(m, itemTotal), m.price,
                        m.currency, m.code.equals(chosen)))
                .toList();
    }

    /** Saves the chosen shipping method; false when there is no such method. */
    public boolean saveDelivery(long cartId, String code) {
        if (code == null || code.length() > 30 || ShippingMethod.findById(code) == null) {
            return false;
        }
        Cart cart = Cart.lockById(cartId);
        cart.shippingMethod = code;
        cart.touch(clock);
        return true;
    }

    public void saveCard(long cartId, String brand, String last4) {
        Cart cart = Cart.lockById(cartId);
        cart.paymentMethod = PaymentMethod.CARD.code();
        cart.cardBrand = brand;
        cart.cardLast4 = last4;
        cart.touch(clock);
    }

    public void savePayOnDelivery(long cartId) {
        Cart cart = Cart.lockById(cartId);
        cart.paymentMethod = PaymentMethod.PAY_ON_DELIVERY.code();
        cart.cardBrand = null;
        cart.cardLast4 = null;
        cart.touch(clock);
    }

    /** A declined card must not leave an earlier accepted one behind. */
    public void forgetPayment(long cartId) {
        Cart cart = Cart.lockById(cartId);
        cart.paymentMethod = null;
        cart.cardBrand = null;
        cart.cardLast4 = null;
        cart.touch(clock);
    }

    /** The checkout's money from the database: item prices now, the shipping method's price (free Standard from $75). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Totals totals(CartView items, String shippingCode) {
        return Totals.beforeDiscount(items.itemTotal(), shippingCode, items.currency());
    }

    /** The checkout's money with the cart's code as the discount service checked it just now (if it applies). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Totals totals(CartView items, String shippingCode, Optional<DiscountCheck> check) {
        Totals plain = totals(items, shippingCode);
        if (check.isEmpty() || !check.get().isApplied()) {
            return plain;
        }
        DiscountCheck applied = check.get();
        return new Totals(plain.itemTotal(), plain.shipping(), Totals.discountOf(applied.amount(),
                applied.freeShipping(), plain.itemTotal(), plain.shipping()), plain.currency(), applied.code(),
                applied.freeShipping());
    }

    /** The shopper's cart, without its lines: enough to place it as an order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cart> cart(Optional<String> token) {
        return carts.find(token);
    }
}
