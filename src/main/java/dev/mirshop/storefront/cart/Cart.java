package dev.mirshop.storefront.cart;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import dev.mirshop.platform.persistence.IdentityEntity;
import dev.mirshop.storefront.address.ShippingAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * A shopper's cart, addressed by the random token of the mir_cart cookie. It also carries the checkout
 * progress (address, delivery, payment), as Spree keeps it on the incomplete order.
 */
@Entity
@Table(name = "carts")
public class Cart extends IdentityEntity {
    public String token;
    @Column(name = "account_id")
    public Long accountId;
    public String email;
    /** Null until the shopper gave one at checkout. */
    @Embedded
    public ShippingAddress shipTo;
    @Column(name = "shipping_method")
    public String shippingMethod;
    @Column(name = "payment_method")
    public String paymentMethod;
    @Column(name = "card_brand")
    public String cardBrand;
    @Column(name = "card_last4")
    public String cardLast4;
    @Column(name = "discount_code")
    public String discountCode;
    /** Reserved before the first attempt to place the order, kept across retries (see OrderPlacement). */
    @Column(name = "reserved_order_number")
    public String reservedOrderNumber;
    /** The item total the code was first redeemed with for the reserved number (see OrderPlacement). */
    @Column(name = "redeem_item_total")
    public BigDecimal redeemItemTotal;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static Optional<Cart> findByToken(String token) {
        return find("token", token).firstResultOptional();
    }

    /** Locks the cart row until the transaction ends, so changes to one cart happen one at a time. */
    public static Optional<Cart> lockByToken(String token) {
        return find("token", token).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Locks the account's most recently changed cart, if it has one. */
    public static Optional<Cart> lockNewestOf(long accountId) {
        return find("accountId = ?1 order by updatedAt desc, id desc", accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Cart lockById(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The checkout's first step is done: an email and an address that can ship. */
    public boolean hasAddress() {
        return email != null && shipTo != null && shipTo.isComplete();
    }

    public boolean hasDelivery() {
        return shippingMethod != null;
    }

    /** Pay on delivery chosen, or a card the gateway accepted. */
    public boolean hasPayment() {
        Optional<PaymentMethod> method = PaymentMethod.ofCode(paymentMethod);
        return method.isPresent() && (method.get() == PaymentMethod.PAY_ON_DELIVERY || cardLast4 != null);
    }

    /** Every checkout step is done: the cart can become an order. */
    public boolean isReadyToOrder() {
        return hasAddress() && hasDelivery() && hasPayment();
    }

    /** Forgets the checkout progress, e.g. once the cart became an order. */
    public void clearCheckout(Clock clock) {
        email = null;
        shipTo = null;
        shippingMethod = null;
        paymentMethod = null;
        cardBrand = null;
        cardLast4 = null;
        discountCode = null;
        reservedOrderNumber = null;
        redeemItemTotal = null;
        touch(clock);
    }

    public void touch(Clock clock) {
        updatedAt = OffsetDateTime.now(clock);
    }
}
