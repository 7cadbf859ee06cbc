package dev.mirshop.storefront.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one way to send a mail: it is written to the outbox table in the caller's transaction (the order, the reset
 * request), so it exists exactly when what it tells about exists, and nobody waits for SMTP. {@link OutboxSender}
 * delivers it.
 */
@ApplicationScoped
public class MailOutbox {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** Queues the mail in the current transaction (there must be one) and returns its outbox id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long enqueue(OutgoingMail mail) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return ((Number) em.createNativeQuery("""
                insert into mail_outbox (kind, recipient, subject, html_body, text_body, message_id, created_at,
                                         next_attempt_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) returning id""")
                .setParameter(1, mail.kind().label()).setParameter(2, mail.recipient())
                .setParameter(3, mail.subject()).setParameter(4, mail.html()).setParameter(5, mail.text())
                .setParameter(6, "<" + UUID.randomUUID() + "@mail.mirshop>").setParameter(7, now)
                .getSingleResult()).longValue();
    }

    /**
     * A mail from a type-checked Qute template with two variants, {@code <name>.html} and {@code <name>.txt}
     * (escaped as HTML and left as plain text respectively), like Quarkus Mailer's MailTemplate does it.
     */
    public static OutgoingMail render(MailKind kind, String recipient, String subject, TemplateInstance template) {
        String html = template.setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(Variant.TEXT_HTML))
                .render();
        String text = template.setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(Variant.TEXT_PLAIN))
                .render();
        return new OutgoingMail(kind, recipient, subject, html, text);
    }
}
