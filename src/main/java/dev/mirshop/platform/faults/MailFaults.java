package dev.mirshop.platform.faults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the mail fault does to the storefront's outbox (storefront.mail.OutboxDelivery): SMTP refuses the mail. */
@ApplicationScoped
public class MailFaults {

    private final Share refusals = new Share();

    @Inject
    FaultRegistry registry;

    /** mail-failing: this delivery attempt fails as if the SMTP server were down, so the mail waits for a retry. */
    public boolean refuses() {
        return registry.active(Fault.MAIL_FAILING).filter(s -> refusals.hit(s.severity())).isPresent();
    }

    /** The failure a refused delivery records, as the outbox records any SMTP error. */
    public static class Refused extends RuntimeException {
        public Refused() {
            super("SMTP refused the mail (fault mail-failing)", null, false, false);
        }
    }
}
