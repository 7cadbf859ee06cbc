package dev.mirshop.storefront.mail;

import java.util.Locale;

/** What a mail is about: the {@code kind} column and the {@code kind} label of the mail meters. */
public enum MailKind {
    ORDER_CONFIRMATION, ORDER_LINK, PASSWORD_RESET, PASSWORD_CHANGED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MailKind ofLabel(String label) {
        for (MailKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown mail kind " + label);
    }
}
