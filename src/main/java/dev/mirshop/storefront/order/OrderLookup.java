package dev.mirshop.storefront.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A guest's way back to an order: its private link mailed again, to the address the order was placed with. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class OrderLookup {

    @Inject
    OrderMails mails;

    /** Queues the link mail when the number and the address belong to the same order; otherwise does nothing. */
    public void resendLink(String email, String number) {
        Order.findByNumber(number).filter(order -> order.email.equalsIgnoreCase(email.strip()))
                .ifPresent(mails::queueLink);
    }
}
