package dev.mirshop.storefront.account;

import dev.mirshop.platform.security.LoginSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Logging an account in: a new session and the guest cart merged, in one transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class LoginFlow {

    public record LoggedIn(String sessionToken, GuestCartMerge.CookieChange cart) {
    }

    @Inject
    LoginSessions sessions;
    @Inject
    GuestCartMerge cartMerge;

    public LoggedIn logIn(long accountId, String previousSessionToken, String cartCookie) {
        if (previousSessionToken != null) {
            sessions.end(previousSessionToken);
        }
        GuestCartMerge.CookieChange cart = cartMerge.merge(accountId, cartCookie);
        return new LoggedIn(sessions.start(accountId), cart);
    }

    public void logOut(String sessionToken) {
        if (sessionToken != null) {
            sessions.end(sessionToken);
        }
    }
}
