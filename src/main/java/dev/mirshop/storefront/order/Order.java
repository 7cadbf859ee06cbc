package dev.mirshop.storefront.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

import dev.mirshop.platform.persistence.IdentityEntity;
import dev.mirshop.storefront.address.ShippingAddress;
import dev.mirshop.storefront.cart.PaymentMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A placed order: a snapshot of address, delivery, payment (brand and last 4 only) and money at checkout time. */
@Entity(name = "ShopOrder")
@Table(name = "orders")
public class Order extends IdentityEntity {
    public static final String PAID = "paid";
    public static final String PENDING = "pending";

    public String number;
    @Column(name = "access_token")
    public String accessToken;
    @Column(name = "account_id")
    public Long accountId;
    public String email;
    public String state;
    @Column(name = "payment_state")
    public String paymentState;
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
    public String currency;
    @Column(name = "item_total")
    public BigDecimal itemTotal;
    @Column(name = "shipping_total")
    public BigDecimal shippingTotal;
    @Column(name = "discount_code")
    public String discountCode;
    @Column(name = "discount_total")
    public BigDecimal discountTotal;
    public BigDecimal total;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    public static Optional<Order> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    public boolean paidByCard() {
        return PaymentMethod.CARD.code().equals(paymentMethod);
    }

    public boolean hasDiscount() {
        return discountTotal != null && discountTotal.signum() > 0;
    }
}
