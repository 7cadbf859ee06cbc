package dev.mirshop.platform.security;

/**
 * The accounts the console's staff (marketers, operators) log in with. They are the shop's accounts, which the
 * storefront owns (storefront.account.StaffAccountService implements this); the console (marketing.StaffBootstrap)
 * only asks for one, so neither package imports the other.
 */
public interface StaffAccounts {

    /**
     * Gives the account with this email (lower case, already checked) this role and password, creating it with this
     * display name when there is none; an existing account (a shopper's too) keeps its name. The password is stored
     * as a bcrypt hash only, and hashed again only when it changed.
     *
     * @return true when the account was created
     */
    boolean ensure(String email, String displayName, String rawPassword, String role);
}
