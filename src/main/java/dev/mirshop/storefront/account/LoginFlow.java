package dev.mirshop.storefront.account;

import java.util.Optional;

import dev.mirshop.platform.security.LoginSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Logging an account in: a new session and the guest cart merged, in one transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class LoginFlow {

    /** The new session, and the cart the mir_cart cookie must name from now on (none: forget it). */
    public record LoggedIn(String sessionToken, Optional<String> cartToken) {
    }

    @Inject
    LoginSessions sessions;
    @Inject
    GuestCartMerge cartMerge;

    public LoggedIn logIn(long accountId, String previousSessionToken, Optional<String> cartToken) {
        if (previousSessionToken != null) {
            sessions.end(previousSessionToken);
        }
        Optional<String> cart = cartMerge.merge(accountId, cartToken);
        return new LoggedIn(sessions.start(accountId), cart);
    }

    public void logOut(String sessionToken) {
        if (sessionToken != null) {
            sessions.end(sessionToken);
        }
    }
}
