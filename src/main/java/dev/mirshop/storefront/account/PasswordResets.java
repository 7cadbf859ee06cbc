package dev.mirshop.storefront.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.forms.FieldErrors;
import dev.mirshop.platform.security.LoginSessions;
import dev.mirshop.platform.security.PasswordPolicy;
import dev.mirshop.platform.security.RandomTokens;
import dev.mirshop.platform.security.SessionTokens;
import dev.mirshop.platform.web.PublicBaseUrl;
import dev.mirshop.storefront.mail.MailKind;
import dev.mirshop.storefront.mail.MailOutbox;
import dev.mirshop.storefront.mail.OutgoingMail;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * "Forgot password": a single-use link, mailed, that works for {@code shop.password-reset.token-lifetime} (1 hour).
 * Only the SHA-256 of its 256-bit token is stored. Setting a new password (which must pass the password policy) uses
 * up every open link of the account, ends all its sessions and tells the owner by mail.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PasswordResets {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    MailOutbox outbox;
    @Inject
    PublicBaseUrl baseUrl;
    @Inject
    PasswordResetConfig config;
    @Inject
    LoginSessions sessions;
    @Inject
    ShopConfig shop;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance resetLink(String name, String resetUrl, long minutes, String shopUrl);

        static native TemplateInstance passwordChanged(String name, String email, String forgotUrl, String shopUrl);
    }

    /** What setting a new password came to. */
    public sealed interface Outcome {
        record Changed(String email) implements Outcome {
        }

        record InvalidLink() implements Outcome {
        }

        record Refused(FieldErrors errors) implements Outcome {
        }
    }

    /**
     * Mails a reset link if an account has this address; otherwise nothing is sent. Either way the same work is done
     * up to the mail (the mail is rendered), and the caller answers the same page.
     */
    public void request(String email) {
        Optional<Account> account = Account.findByEmail(email.strip());
        String token = RandomTokens.newToken();
        OutgoingMail mail = MailOutbox.render(MailKind.PASSWORD_RESET, account.map(a -> a.email).orElse(email),
                "Reset your MIR Shop password", Templates.resetLink(account.map(a -> a.name).orElse(""),
                        baseUrl.absolute("/password/reset?token=" + token), config.tokenLifetime().toMinutes(),
                        baseUrl.get()));
        if (account.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        em.createNativeQuery("""
                insert into password_resets (token_hash, account_id, created_at, expires_at) values (?1, ?2, ?3, ?4)""")
                .setParameter(1, SessionTokens.storedForm(token)).setParameter(2, account.get().id)
                .setParameter(3, now.atOffset(ZoneOffset.UTC))
                .setParameter(4, now.plus(config.tokenLifetime()).atOffset(ZoneOffset.UTC)).executeUpdate();
        outbox.enqueue(mail);
    }

    /** The account a link resets, while it is unused and unexpired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> accountOf(String token) {
        return openReset(token, false).map(row -> Account.findById(((Number) row[1]).longValue()));
    }

    /** Sets the new password through the link, if the link is still good and the password passes the policy. */
    public Outcome reset(String token, String password, String confirmation) {
        Optional<Object[]> row = openReset(token, true);
        if (row.isEmpty()) {
            return new Outcome.InvalidLink();
        }
        Account account = Account.findById(((Number) row.get()[1]).longValue());
        String pass = password == null ? "" : password;
        FieldErrors errors = new FieldErrors();
        String weak = PasswordPolicy.problem(pass, account.email, account.name);
        if (weak != null) {
            errors.add("password", weak);
        }
        if (!pass.equals(confirmation == null ? "" : confirmation)) {
            errors.add("passwordConfirmation", "Passwords do not match.");
        }
        if (errors.any()) {
            return new Outcome.Refused(errors);
        }
        account.passwordHash = BcryptUtil.bcryptHash(pass, AccountService.BCRYPT_COST);
        em.createNativeQuery("update password_resets set used_at = ?2 where account_id = ?1 and used_at is null")
                .setParameter(1, account.id).setParameter(2, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
        sessions.endAllOf(account.id);
        outbox.enqueue(MailOutbox.render(MailKind.PASSWORD_CHANGED, account.email, "Your MIR Shop password was changed",
                Templates.passwordChanged(account.name, account.email, baseUrl.absolute("/password/forgot"),
                        baseUrl.get())));
        return new Outcome.Changed(account.email);
    }

    /** (id, account id) of the unused, unexpired reset of this token; locked when {@code lock}. */
    private Optional<Object[]> openReset(String token, boolean lock) {
        if (!RandomTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, account_id from password_resets
                where token_hash = ?1 and used_at is null and expires_at > ?2""" + (lock ? " for update" : ""))
                .setParameter(1, SessionTokens.storedForm(token))
                .setParameter(2, clock.instant().atOffset(ZoneOffset.UTC)).getResultList();
        return rows.stream().findFirst();
    }

    @Scheduled(identity = "password-resets-purge", every = "1h", delayed = "15m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOld() {
        if (shop.role().serves(ShopRole.storefront)) {
            em.createNativeQuery("delete from password_resets where expires_at < ?1")
                    .setParameter(1, clock.instant().minus(java.time.Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        }
    }
}
