package dev.mirshop.storefront.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mirshop.storefront.cart.Cart;
import dev.mirshop.storefront.cart.CartCookie;
import dev.mirshop.storefront.cart.CartLine;
import dev.mirshop.storefront.cart.CartService;
import dev.mirshop.storefront.cart.CartView;
import dev.mirshop.storefront.checkout.Checkout;
import dev.mirshop.storefront.checkout.CheckoutService;
import dev.mirshop.storefront.checkout.Coupons;
import dev.mirshop.storefront.checkout.PaymentForm;
import dev.mirshop.storefront.checkout.Step;
import dev.mirshop.storefront.checkout.Totals;
import dev.mirshop.storefront.clients.DiscountClient;
import dev.mirshop.storefront.clients.Redemption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Turns a checked-out cart into an order in one transaction: stock is taken with a guarded UPDATE per line (so it
 * can never go negative and concurrent checkouts of the last units cannot oversell), prices and totals are read from
 * the database, and the cart is emptied. If any line is short, everything rolls back and the cart stays as it was.
 * <p>
 * A discount code is redeemed first, outside any database transaction (no row is locked while the discount service
 * answers, and a timed-out call cannot disturb a transaction): only a REDEEMED answer lets the placement run and put
 * the discount on the order; a rejected or unanswered redeem places nothing (stock untouched, cart kept). The order
 * number is reserved on the cart before the first attempt and kept across attempts, so every retry redeems with
 * the same number and the service (idempotent by order number) never counts the code twice. The caller runs
 * {@link #prepare}, {@link #redeem}, {@link #place} in that order (see CheckoutResource).
 */
@ApplicationScoped
@Transactional
public class OrderPlacement {

    @Inject
    Event<OrderPlaced> placedEvents;

    @Inject
    EntityManager em;
    @Inject
    CartService carts;
    @Inject
    CheckoutService checkout;
    @Inject
    DiscountClient discounts;
    @Inject
    Clock clock;
    @Inject
    OrderMails mails;

    /**
     * One attempt to place the cart: the reserved order number, the code and who uses it, the item total now and the
     * item total the code was first redeemed with (a retry gets the first answer, computed on that total).
     */
    public record Attempt(String number, String code, String customerKey, BigDecimal itemTotal,
            BigDecimal redeemItemTotal) {
    }

    /** Gives the cart its order number once, in its own transaction, so it survives an attempt that fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Attempt prepare(long cartId, Optional<Long> accountId) {
        Cart cart = Cart.lockById(cartId);
        if (cart == null) {
            throw new EmptyCartException();
        }
        if (cart.reservedOrderNumber == null) {
            cart.reservedOrderNumber = nextNumber();
        }
        BigDecimal itemTotal = carts.view(cartId).itemTotal();
        if (cart.discountCode != null && cart.redeemItemTotal == null) {
            cart.redeemItemTotal = itemTotal;
        }
        return new Attempt(cart.reservedOrderNumber, cart.discountCode, Coupons.customerKey(cart, accountId),
                itemTotal, cart.redeemItemTotal);
    }

    /** Redeems the attempt's code (none: empty); anything but REDEEMED throws and nothing is placed. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Redemption> redeem(Attempt attempt) {
        if (attempt.code() == null) {
            return Optional.empty();
        }
        Redemption redemption = discounts.redeem(attempt.code(), attempt.number(), attempt.customerKey(),
                attempt.itemTotal());
        if (!redemption.isRedeemed()) {
            throw new DiscountNotRedeemedException(attempt.code(), redemption);
        }
        return Optional.of(redemption);
    }

    public PlacedOrder place(long cartId, Optional<Long> accountId, Attempt attempt, Optional<Redemption> redemption) {
        Cart cart = Cart.lockById(cartId);
        if (cart == null) {
            throw new EmptyCartException();
        }
        // Checked again under the cart's lock: another tab may have changed the checkout since the page was shown.
        Step next = new Checkout(cart, CartView.empty()).firstIncomplete();
        if (next != Step.CONFIRM) {
            throw new CheckoutIncompleteException(next);
        }
        if (cart.discountCode != null && (redemption.isEmpty() || !cart.discountCode.equals(attempt.code())
                || !attempt.number().equals(cart.reservedOrderNumber)
                || (redemption.get().code() != null && !redemption.get().code().equalsIgnoreCase(cart.discountCode)))) {
            throw DiscountNotRedeemedException.changed(cart.discountCode);
        }
        List<Object[]> wanted = wantedStock(cartId);
        if (wanted.isEmpty()) {
            throw new EmptyCartException();
        }
        takeStock(wanted);

        // Read after the stock rows are locked by our UPDATEs: the prices cannot change before we commit.
        CartView items = carts.view(cartId);
        Totals totals = checkout.totals(items, cart.shippingMethod);
        if (cart.discountCode != null) {
            totals = withDiscount(totals, redemption.get(), attempt.redeemItemTotal());
        }
        Order order = newOrder(cart, accountId, totals, attempt.number());
        order.persist();
        List<OrderLine> lines = new ArrayList<>();
        for (CartLine line : items.lines()) {
            OrderLine snapshot = snapshot(order, line);
            snapshot.persist();
            lines.add(snapshot);
        }
        // In this transaction: the confirmation exists exactly when the order does; SMTP is the outbox's business.
        mails.queueConfirmation(order, lines);

        em.createNativeQuery("delete from cart_items where cart_id = ?1").setParameter(1, cartId).executeUpdate();
        cart.clearCheckout(clock);
        int itemCount = items.lines().stream().mapToInt(CartLine::quantity).sum();
        placedEvents.fire(new OrderPlaced(order.number, order.paymentMethod, order.total, order.currency, itemCount));
        return new PlacedOrder(order.number, order.accessToken);
    }

    /**
     * The redeemed discount on today's totals. A retry gets the service's first answer, computed on the item total
     * of the first attempt: if the cart shrank since, the discount shrinks in proportion, never the other way.
     */
    static Totals withDiscount(Totals totals, Redemption redemption, BigDecimal redeemItemTotal) {
        BigDecimal amount = redemption.amount();
        if (amount != null && redeemItemTotal != null && redeemItemTotal.signum() > 0
                && totals.itemTotal().compareTo(redeemItemTotal) < 0) {
            amount = amount.multiply(totals.itemTotal()).divide(redeemItemTotal, 2, RoundingMode.DOWN);
        }
        return new Totals(totals.itemTotal(), totals.shipping(), Totals.discountOf(amount,
                redemption.freeShipping(), totals.itemTotal(), totals.shipping()), totals.currency(),
                redemption.code(), redemption.freeShipping());
    }

    /** (variant id, quantity, product name) per line, in variant order so concurrent orders lock rows in one order. */
    @SuppressWarnings("unchecked")
    private List<Object[]> wantedStock(long cartId) {
        return em.createNativeQuery("""
                select i.variant_id, i.quantity, p.name from cart_items i
                join variants v on v.id = i.variant_id join products p on p.id = v.product_id
                where i.cart_id = ?1 order by i.variant_id
                """).setParameter(1, cartId).getResultList();
    }

    private void takeStock(List<Object[]> wanted) {
        List<String> shortages = new ArrayList<>();
        for (Object[] row : wanted) {
            long variantId = ((Number) row[0]).longValue();
            int quantity = ((Number) row[1]).intValue();
            int updated = em.createNativeQuery(
                    "update variants set stock_on_hand = stock_on_hand - ?1 where id = ?2 and stock_on_hand >= ?1")
                    .setParameter(1, quantity).setParameter(2, variantId).executeUpdate();
            if (updated == 0) {
                Number left = (Number) em.createNativeQuery("select stock_on_hand from variants where id = ?1")
                        .setParameter(1, variantId).getSingleResult();
                shortages.add(shortage((String) row[2], left.intValue()));
            }
        }
        if (!shortages.isEmpty()) {
            throw new OutOfStockException(shortages);
        }
    }

    static String shortage(String productName, int left) {
        return left <= 0
                ? "Only 0 left of " + productName + ": it has just sold out. Please remove it from your cart."
                : "Only " + left + " left of " + productName + ". Please lower the quantity in your cart.";
    }

    private Order newOrder(Cart cart, Optional<Long> accountId, Totals totals, String number) {
        Order order = new Order();
        order.number = number;
        order.accessToken = CartCookie.newToken();
        order.accountId = accountId.orElse(null);
        order.email = cart.email;
        order.state = "complete";
        order.paymentState = PaymentForm.CARD.equals(cart.paymentMethod) ? Order.PAID : Order.PENDING;
        order.shipTo = cart.shipTo.copy();
        order.shippingMethod = cart.shippingMethod;
        order.paymentMethod = cart.paymentMethod;
        order.cardBrand = cart.cardBrand;
        order.cardLast4 = cart.cardLast4;
        order.currency = totals.currency();
        order.itemTotal = totals.itemTotal();
        order.shippingTotal = totals.shipping();
        order.discountCode = totals.discountCode();
        order.discountTotal = totals.discount();
        order.total = totals.total();
        order.completedAt = OffsetDateTime.now(clock);
        return order;
    }

    private static OrderLine snapshot(Order order, CartLine line) {
        OrderLine snapshot = new OrderLine();
        snapshot.orderId = order.id;
        snapshot.variantId = line.variantId();
        snapshot.sku = line.sku();
        snapshot.productName = line.productName();
        snapshot.productSlug = line.productSlug();
        snapshot.variantLabel = line.variantLabel();
        snapshot.unitPrice = line.unitPrice();
        snapshot.quantity = line.quantity();
        snapshot.lineTotal = line.lineTotal();
        return snapshot;
    }

    /**
     * Spree-style order numbers: R and nine random digits (not a sequence: the next shopper's number cannot be
     * guessed from one's own), unused by any order or cart; the unique indexes on orders.number and
     * carts.reserved_order_number keep them unique even against a concurrent draw.
     */
    private String nextNumber() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String number = OrderNumbers.random();
            Number taken = (Number) em.createNativeQuery("""
                    select (select count(*) from orders where number = ?1)
                         + (select count(*) from carts where reserved_order_number = ?1)""")
                    .setParameter(1, number).getSingleResult();
            if (taken.longValue() == 0) {
                return number;
            }
        }
        throw new IllegalStateException("No free order number after 20 draws");
    }

    /**
     * Gives back the code the attempt redeemed, after its order could not be placed (stock ran out, the checkout
     * changed): the shopper can use the code again. Outside any transaction, like redeeming.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void releaseRedemption(Attempt attempt) {
        if (attempt.code() != null) {
            discounts.release(attempt.number());
        }
    }
}
