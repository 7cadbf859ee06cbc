package dev.mirshop.platform.security;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The SecurityIdentity of a logged-in shopper: principal name = the account's email, roles = {accounts.role},
 * and these attributes. Other areas (cart, checkout, orders) read {@link #ACCOUNT_ID}.
 */
public final class ShopIdentity {
    /** The account's id, a {@link Long}. */
    public static final String ACCOUNT_ID = "account_id";
    /** The account's display name, a {@link String}. */
    public static final String ACCOUNT_NAME = "account_name";
    /** The login session's stored key (the hash of its cookie), a {@link String}: CSRF tokens are bound to it. */
    public static final String SESSION_KEY = "session_key";
    /** The role (accounts.role) of marketers: the console, and campaign previews on shop pages. */
    public static final String MARKETER_ROLE = "marketer";

    private ShopIdentity() {
    }

    /** The logged-in account's id, or null for an anonymous request. */
    public static Long accountId(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Object id = identity.getAttribute(ACCOUNT_ID);
        return id instanceof Long l ? l : null;
    }
}
