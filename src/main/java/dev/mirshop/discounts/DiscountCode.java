package dev.mirshop.discounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/** A code a shopper types at checkout. The code is unique whatever its case. */
@Entity
@Table(name = "discount_codes")
public class DiscountCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public String code;

    @Enumerated(EnumType.STRING)
    public DiscountKind kind;

    public BigDecimal value;

    @Column(name = "minimum_order_total")
    public BigDecimal minimumOrderTotal;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "usage_limit")
    public Integer usageLimit;

    @Column(name = "per_customer_limit")
    public Integer perCustomerLimit;

    @Column(name = "times_used")
    public int timesUsed;

    public boolean active = true;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    public static Optional<DiscountCode> findByCode(String code) {
        return find("lower(code) = lower(?1)", code.trim()).firstResultOptional();
    }

    /** Locks the row so concurrent redemptions of one code count its usage one at a time. */
    public static Optional<DiscountCode> findByCodeForUpdate(String code) {
        return find("lower(code) = lower(?1)", code.trim()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static List<DiscountCode> live(Instant now) {
        return list("active = true and (startsAt is null or startsAt <= ?1) and (endsAt is null or endsAt > ?1)"
                + " and (usageLimit is null or timesUsed < usageLimit) order by id", now);
    }

    public boolean startedBy(Instant now) {
        return startsAt == null || !startsAt.isAfter(now);
    }

    public boolean endedBy(Instant now) {
        return endsAt != null && !endsAt.isAfter(now);
    }

    public boolean exhausted() {
        return usageLimit != null && timesUsed >= usageLimit;
    }
}
