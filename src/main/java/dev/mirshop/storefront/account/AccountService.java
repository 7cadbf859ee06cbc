package dev.mirshop.storefront.account;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import dev.mirshop.storefront.address.AddressValidator;
import dev.mirshop.storefront.address.Countries;
import dev.mirshop.storefront.address.ShippingAddress;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** Creating accounts, checking passwords, saving the address book. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AccountService {

    static final int BCRYPT_COST = 10;

    @Inject
    Clock clock;
    /** Checked against when the email is unknown, so both failures take the same time. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-password", BCRYPT_COST);

    /**
     * Creates a shopper account unless the e-mail has one; either way the same work is done (one bcrypt hash), so
     * the time taken does not tell the two apart. The form must already be valid.
     */
    public void signUpUnlessTaken(SignupForm form) {
        try {
            signUp(form);
        } catch (EmailTakenException e) {
            BcryptUtil.bcryptHash(form.password(), BCRYPT_COST);
        }
    }

    /** Creates a shopper account; the form must already be valid. */
    public Account signUp(SignupForm form) {
        if (Account.findByEmail(form.email()).isPresent()) {
            throw new EmailTakenException();
        }
        Account account = new Account();
        account.name = form.name();
        account.email = form.email();
        account.passwordHash = BcryptUtil.bcryptHash(form.password(), BCRYPT_COST);
        account.role = Account.ROLE_SHOPPER;
        account.address = ShippingAddress.of(null, null, null, null, null, Countries.DEFAULT, null);
        account.createdAt = OffsetDateTime.now(clock);
        try {
            account.persistAndFlush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new EmailTakenException();
            }
            throw e;
        }
        return account;
    }

    /** The account if the password matches, else empty: the caller cannot tell an unknown email apart. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> authenticate(String email, String password) {
        if (email == null || password == null || email.length() > 254 || password.length() > 1024) {
            return Optional.empty();
        }
        Optional<Account> account = Account.findByEmail(email.strip());
        String hash = account.map(a -> a.passwordHash).orElse(DUMMY_HASH);
        boolean matches = passwordMatches(password, hash);
        return matches ? account : Optional.empty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> find(long id) {
        return Account.findByIdOptional(id);
    }

    /** Saves an address {@link AddressValidator} accepted as the account's address book entry. */
    public void saveAddress(long accountId, ShippingAddress address) {
        Account account = Account.findById(accountId);
        if (account != null) {
            account.address = address.copy();
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean passwordMatches(String password, String hash) {
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
