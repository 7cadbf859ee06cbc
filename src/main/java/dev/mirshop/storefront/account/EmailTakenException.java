package dev.mirshop.storefront.account;

/** Signup with an email that another account already uses (compared case-insensitively). */
public class EmailTakenException extends RuntimeException {
    public EmailTakenException() {
        super("An account with this email already exists", null, false, false);
    }
}
