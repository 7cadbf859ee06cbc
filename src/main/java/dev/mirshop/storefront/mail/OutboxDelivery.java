package dev.mirshop.storefront.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jboss.logging.Logger;

import dev.mirshop.platform.faults.MailFaults;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Delivers one due mail per transaction. The row is locked with {@code FOR UPDATE SKIP LOCKED} while SMTP answers, so
 * another sender (a second replica, the shutdown flush) skips it instead of sending it too, and it is marked sent in
 * the same transaction. If the process dies before the commit, the lock goes with the connection and the row is still
 * unsent: it is sent again later, with the same Message-ID. Failures are counted on the row and retried with
 * exponential backoff, computed on the shop's clock.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);
    private static final int MAX_ERROR_LENGTH = 500;

    /** What one call did: nothing was due, or a mail of this kind was sent, failed (will be retried) or abandoned. */
    public record Result(Outcome outcome, MailKind kind, Duration waited) {
        static final Result NOTHING_DUE = new Result(Outcome.NOTHING_DUE, null, Duration.ZERO);
    }

    public enum Outcome {
        NOTHING_DUE, SENT, FAILED, ABANDONED
    }

    @Inject
    EntityManager em;
    @Inject
    ReactiveMailer mailer;
    @Inject
    MailConfig config;
    @Inject
    Clock clock;
    @Inject
    MailFaults mailFaults;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result sendOneDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, kind, recipient, subject, html_body, text_body, message_id, attempts, created_at
                from mail_outbox
                where sent_at is null and abandoned_at is null and next_attempt_at <= ?1
                order by next_attempt_at, id limit 1
                for update skip locked""").setParameter(1, now.atOffset(ZoneOffset.UTC)).getResultList();
        if (rows.isEmpty()) {
            return Result.NOTHING_DUE;
        }
        Object[] row = rows.get(0);
        long id = ((Number) row[0]).longValue();
        MailKind kind = MailKind.ofLabel((String) row[1]);
        int attempts = ((Number) row[7]).intValue() + 1;
        Duration waited = Duration.between(instant(row[8]), now);
        Mail mail = Mail.withHtml((String) row[2], (String) row[3], (String) row[4]).setText((String) row[5])
                .addHeader("Message-ID", (String) row[6]);
        try {
            if (mailFaults.refuses()) {
                throw new MailFaults.Refused();
            }
            mailer.send(mail).await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            return failed(id, kind, attempts, now, e, waited);
        }
        em.createNativeQuery("update mail_outbox set sent_at = ?2, attempts = ?3, last_error = null where id = ?1")
                .setParameter(1, id).setParameter(2, now.atOffset(ZoneOffset.UTC)).setParameter(3, attempts)
                .executeUpdate();
        return new Result(Outcome.SENT, kind, waited);
    }

    private Result failed(long id, MailKind kind, int attempts, Instant now, RuntimeException e, Duration waited) {
        String error = describe(e);
        boolean abandon = attempts >= config.maxAttempts();
        Instant next = now.plus(backoff(attempts, config.firstBackoff(), config.maxBackoff()));
        em.createNativeQuery("""
                update mail_outbox set attempts = ?2, last_error = ?3, next_attempt_at = ?4, abandoned_at = ?5
                where id = ?1""")
                .setParameter(1, id).setParameter(2, attempts).setParameter(3, error)
                .setParameter(4, next.atOffset(ZoneOffset.UTC))
                .setParameter(5, abandon ? now.atOffset(ZoneOffset.UTC) : null)
                .executeUpdate();
        if (abandon) {
            LOG.errorf("Mail %d (%s) abandoned after %d attempts: %s", id, kind.label(), attempts, error);
            return new Result(Outcome.ABANDONED, kind, waited);
        }
        LOG.warnf("Mail %d (%s) not sent (attempt %d, next at %s): %s", id, kind.label(), attempts, next, error);
        return new Result(Outcome.FAILED, kind, waited);
    }

    /** 30 s, 1 min, 2 min, ... doubling after each failed attempt, at most {@code max}. */
    static Duration backoff(int failedAttempts, Duration first, Duration max) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalArgumentException("Unexpected timestamp " + value);
    }
}
