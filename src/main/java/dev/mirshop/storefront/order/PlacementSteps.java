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
import dev.mirshop.storefront.cart.Coupons;
import dev.mirshop.storefront.cart.PaymentMethod;
import dev.mirshop.storefront.clients.DiscountClient;
import dev.mirshop.storefront.clients.Redemption;
import dev.mirshop.storefront.pricing.Totals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The steps of {@link OrderPlacement#placeOrder}, each in its own transaction; package-private, so nothing else can
 * run them out of order. The cart's lines are read once, in {@link #place}, after their stock rows are locked.
 */
@ApplicationScoped
@Transactional
class PlacementSteps {

    @Inject
    Event<OrderPlaced> placedEvents;
    @Inject
    EntityManager em;
    @Inject
    CartService carts;
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
    record Attempt(String number, String code, String customerKey, BigDecimal itemTotal, BigDecimal redeemItemTotal) {
    }

    /** Gives the cart its order number once, in its own transaction, so it survives an attempt that fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Attempt prepare(long cartId, Optional<Long> accountId) {
        Cart cart = Cart.lockById(cartId);
        if (cart == null || !carts.hasItems(cartId)) {
            throw new EmptyCartException();
        }
        if (!cart.isReadyToOrder()) {
            throw new CheckoutIncompleteException();
        }
        if (cart.reservedOrderNumber == null) {
            cart.reservedOrderNumber = nextNumber();
        }
        BigDecimal itemTotal = carts.itemTotal(cartId);
        if (cart.discountCode != null && cart.redeemItemTotal == null) {
            cart.redeemItemTotal = itemTotal;
        }
        return new Attempt(cart.reservedOrderNumber, cart.discountCode, Coupons.customerKey(cart, accountId),
                itemTotal, cart.redeemItemTotal);
    }

    /** Redeems the attempt's code (none: empty); anything but REDEEMED throws and nothing is placed. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    Optional<Redemption> redeem(Attempt attempt) {
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

    PlacedOrder place(long cartId, Optional<Long> accountId, Attempt attempt, Optional<Redemption> redemption) {
        Cart cart = Cart.lockById(cartId);
        if (cart == null) {
            throw new EmptyCartException();
        }
        // Checked again under the cart's lock: another tab may have changed the checkout since prepare.
        if (!cart.isReadyToOrder()) {
            throw new CheckoutIncompleteException();
        }
        if (cart.discountCode != null && (redemption.isEmpty() || !cart.discountCode.equals(attempt.code())
                || !attempt.number().equals(cart.reservedOrderNumber)
                || (redemption.get().code() != null && !redemption.get().code().equalsIgnoreCase(cart.discountCode)))) {
            throw DiscountNotRedeemedException.changed(cart.discountCode);
        }
        List<CartService.WantedStock> wanted = carts.wantedStock(cartId);
        if (wanted.isEmpty()) {
            throw new EmptyCartException();
        }
        takeStock(wanted);

        // Read after the stock rows are locked by our UPDATEs: the prices cannot change before we commit.
        CartView items = carts.view(cartId);
        Totals totals = Totals.beforeDiscount(items.itemTotal(), cart.shippingMethod, items.currency());
        if (cart.discountCode != null) {
            totals = withDiscount(totals, redemption.get(), attempt.redeemItemTotal());
        }
        PaymentMethod payment = PaymentMethod.ofCode(cart.paymentMethod).orElseThrow(CheckoutIncompleteException::new);
        Order order = newOrder(cart, accountId, payment, totals, attempt.number());
        order.persist();
        List<OrderLine> lines = new ArrayList<>();
        for (CartLine line : items.lines()) {
            OrderLine snapshot = snapshot(order, line);
            snapshot.persist();
            lines.add(snapshot);
        }
        // In this transaction: the confirmation exists exactly when the order does; SMTP is the outbox's business.
        mails.queueConfirmation(order, lines);

        carts.empty(cartId);
        cart.clearCheckout(clock);
        placedEvents.fire(new OrderPlaced(order.number, payment, order.total, order.currency, items.itemCount()));
        return new PlacedOrder(order.number, order.accessToken);
    }

    /**
     * Gives back the code the attempt redeemed, after its order could not be placed (stock ran out, the checkout
     * changed): the shopper can use the code again. Outside any transaction, like redeeming.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void release(Attempt attempt) {
        if (attempt.code() != null) {
            discounts.release(attempt.number());
        }
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

    private void takeStock(List<CartService.WantedStock> wanted) {
        List<String> shortages = new ArrayList<>();
        for (CartService.WantedStock line : wanted) {
            int updated = em.createNativeQuery(
                    "update variants set stock_on_hand = stock_on_hand - ?1 where id = ?2 and stock_on_hand >= ?1")
                    .setParameter(1, line.quantity()).setParameter(2, line.variantId()).executeUpdate();
            if (updated == 0) {
                Number left = (Number) em.createNativeQuery("select stock_on_hand from variants where id = ?1")
                        .setParameter(1, line.variantId()).getSingleResult();
                shortages.add(shortage(line.productName(), left.intValue()));
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

    private Order newOrder(Cart cart, Optional<Long> accountId, PaymentMethod payment, Totals totals, String number) {
        Order order = new Order();
        order.number = number;
        order.accessToken = CartCookie.newToken();
        order.accountId = accountId.orElse(null);
        order.email = cart.email;
        order.state = "complete";
        order.paymentState = payment == PaymentMethod.CARD ? Order.PAID : Order.PENDING;
        order.shipTo = cart.shipTo.copy();
        order.shippingMethod = cart.shippingMethod;
        order.paymentMethod = payment.code();
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
            boolean ordered = (Boolean) em.createNativeQuery("select exists (select 1 from orders where number = ?1)")
                    .setParameter(1, number).getSingleResult();
            if (!ordered && !carts.reservesOrderNumber(number)) {
                return number;
            }
        }
        throw new IllegalStateException("No free order number after 20 draws");
    }
}
