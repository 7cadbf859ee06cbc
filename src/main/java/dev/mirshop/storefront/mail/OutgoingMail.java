package dev.mirshop.storefront.mail;

/** A rendered mail for one recipient: what the outbox stores and SMTP receives. {@code kind} labels the meters. */
public record OutgoingMail(MailKind kind, String recipient, String subject, String html, String text) {
}
