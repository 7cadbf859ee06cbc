package dev.mirshop.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The sessions table: one row per login, found by the hash of the cookie token, deleted at logout. A session ends
 * {@link SessionPolicy#maxLifetime()} after login, or earlier after {@link SessionPolicy#idleTimeout()} unused.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class LoginSessions {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    SessionPolicy policy;

    /** Starts a session for the account and returns the cookie value (only its hash is stored). */
    public String start(long accountId) {
        String token = SessionTokens.newToken();
        Instant now = clock.instant();
        em.createNativeQuery("""
                insert into sessions (token, account_id, created_at, expires_at, idle_expires_at)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, SessionTokens.storedForm(token))
                .setParameter(2, accountId)
                .setParameter(3, now.atOffset(ZoneOffset.UTC))
                .setParameter(4, now.plus(policy.maxLifetime()).atOffset(ZoneOffset.UTC))
                .setParameter(5, now.plus(policy.idleTimeout()).atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return token;
    }

    public void end(String token) {
        if (!SessionTokens.isWellFormed(token)) {
            return;
        }
        em.createNativeQuery("delete from sessions where token = ?1")
                .setParameter(1, SessionTokens.storedForm(token))
                .executeUpdate();
    }

    /** Ends every session of the account (a password reset): each browser must log in again. */
    public int endAllOf(long accountId) {
        return em.createNativeQuery("delete from sessions where account_id = ?1").setParameter(1, accountId)
                .executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        em.createNativeQuery("delete from sessions where expires_at < ?1 or idle_expires_at < ?1")
                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}
