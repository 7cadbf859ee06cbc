package dev.mirshop.storefront.mail;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Direct looks at the outbox table (and small changes to test data) for the mail tests. */
@ApplicationScoped
@Transactional
public class MailFixtures {

    @Inject
    EntityManager em;

    public record OutboxRow(long id, String kind, String recipient, int attempts, Instant sentAt, Instant abandonedAt,
            Instant nextAttemptAt, String lastError) {
    }

    /** A shopper account with this password (bcrypt, as signup stores it); returns its id. */
    public long account(String email, String name, String password) {
        return ((Number) em.createNativeQuery(
                "insert into accounts (email, password_hash, name) values (?1, ?2, ?3) returning id")
                .setParameter(1, email).setParameter(2, io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(password, 10))
                .setParameter(3, name).getSingleResult()).longValue();
    }

    public void renameProduct(long productId, String name) {
        em.createNativeQuery("update products set name = ?2 where id = ?1").setParameter(1, productId)
                .setParameter(2, name).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<OutboxRow> outbox(String recipient) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, kind, recipient, attempts, sent_at, abandoned_at, next_attempt_at, last_error
                from mail_outbox where lower(recipient) = lower(?1) order by id""").setParameter(1, recipient)
                .getResultList();
        return rows.stream().map(r -> new OutboxRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), instant(r[4]), instant(r[5]), instant(r[6]), (String) r[7])).toList();
    }

    /** Mails that were due but are not sent yet (of any test): pushed into the future so they stay out of the way. */
    public void postponeAllUnsent(Instant until) {
        em.createNativeQuery("update mail_outbox set next_attempt_at = ?1 where sent_at is null and abandoned_at is null")
                .setParameter(1, until.atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
