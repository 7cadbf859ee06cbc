package dev.mirshop.storefront.account;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The orders an account placed, newest first (read straight from the orders table, one query). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderHistory {

    static final int LIMIT = 100;

    public record OrderSummary(String number, OffsetDateTime completedAt, String state, BigDecimal total,
            String currency, String discountCode, BigDecimal discountTotal) {

        public boolean hasDiscount() {
            return discountCode != null && discountTotal != null && discountTotal.signum() > 0;
        }
    }

    @Inject
    EntityManager em;

    public List<OrderSummary> of(long accountId) {
        List<?> rows = em.createNativeQuery("""
                select number, completed_at, state, total, currency, discount_code, discount_total from orders
                 where account_id = ?1 order by completed_at desc, id desc limit ?2""")
                .setParameter(1, accountId).setParameter(2, LIMIT).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new OrderSummary((String) r[0], toOffsetDateTime(r[1]), (String) r[2], (BigDecimal) r[3],
                        (String) r[4], (String) r[5], (BigDecimal) r[6]))
                .toList();
    }

    static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toOffsetDateTime();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("Unexpected timestamp type " + value.getClass());
    }
}
