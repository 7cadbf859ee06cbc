package dev.mirshop.storefront.mail.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A mail as the embedded SMTP server received it: envelope headers and the plain-text and HTML parts. */
public record ReceivedMail(String from, List<String> to, String subject, Instant sentAt, String messageId,
        String text, String html) {

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");

    /** The links of the plain-text part, in order. */
    public List<String> links() {
        List<String> links = new ArrayList<>();
        if (text != null) {
            java.util.regex.Matcher m = LINK.matcher(text);
            while (m.find()) {
                links.add(m.group());
            }
        }
        return links;
    }

    static ReceivedMail of(MimeMessage message) {
        try {
            List<String> to = new ArrayList<>();
            Address[] recipients = message.getAllRecipients();
            if (recipients != null) {
                for (Address a : recipients) {
                    to.add(a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString());
                }
            }
            String[] parts = new String[2];
            collect(message, parts);
            Address[] from = message.getFrom();
            return new ReceivedMail(from == null || from.length == 0 ? "" : from[0].toString(), List.copyOf(to),
                    message.getSubject(), message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    message.getMessageID(), parts[0], parts[1]);
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, parts);
            }
        }
    }
}
