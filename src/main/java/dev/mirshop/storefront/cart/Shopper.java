package dev.mirshop.storefront.cart;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is shopping: a logged-in account (its id is the identity attribute "account_id") or a guest. */
@RequestScoped
public class Shopper {
    public static final String ACCOUNT_ID = "account_id";

    @Inject
    SecurityIdentity identity;

    public Optional<Long> accountId() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object id = identity.getAttribute(ACCOUNT_ID);
        if (id instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (id instanceof String s && s.matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(s));
        }
        return Optional.empty();
    }

    public boolean isGuest() {
        return accountId().isEmpty();
    }

    /** The account's email (the principal name) when logged in. */
    public Optional<String> email() {
        return identity.isAnonymous() ? Optional.empty() : Optional.ofNullable(identity.getPrincipal().getName());
    }
}
