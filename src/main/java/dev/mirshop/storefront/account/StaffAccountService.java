package dev.mirshop.storefront.account;

import java.time.Clock;
import java.time.OffsetDateTime;

import dev.mirshop.platform.security.StaffAccounts;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The console's staff accounts, kept with the shoppers' in {@link Account} (one login for both). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class StaffAccountService implements StaffAccounts {

    @Inject
    Clock clock;

    @Override
    public boolean ensure(String email, String displayName, String rawPassword, String role) {
        Account account = Account.findByEmail(email).orElseGet(Account::new);
        boolean created = account.id == null;
        if (created) {
            account.email = email;
            account.name = displayName;
            account.createdAt = OffsetDateTime.now(clock);
        }
        account.role = role;
        if (created || !BcryptUtil.matches(rawPassword, account.passwordHash)) {
            account.passwordHash = BcryptUtil.bcryptHash(rawPassword, AccountService.BCRYPT_COST);
        }
        account.persist();
        return created;
    }
}
