package dev.mirshop.discounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One use of a code by one order; the order number makes a retried redeem find its first answer. */
@Entity
@Table(name = "discount_redemptions")
public class Redemption extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "discount_code_id")
    public Long discountCodeId;

    @Column(name = "order_number")
    public String orderNumber;

    @Column(name = "customer_key")
    public String customerKey;

    @Column(name = "order_total")
    public BigDecimal orderTotal;

    public BigDecimal amount;

    @Column(name = "redeemed_at", updatable = false)
    public Instant redeemedAt;

    public static Optional<Redemption> findByOrderNumber(String orderNumber) {
        return find("orderNumber", orderNumber).firstResultOptional();
    }

    public static long countFor(Long discountCodeId, String customerKey) {
        return count("discountCodeId = ?1 and customerKey = ?2", discountCodeId, customerKey);
    }
}
