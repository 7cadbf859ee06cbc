package dev.mirshop.storefront.order;

import java.util.List;

import dev.mirshop.platform.web.PublicBaseUrl;
import dev.mirshop.storefront.pricing.ShippingMethod;
import dev.mirshop.storefront.mail.MailKind;
import dev.mirshop.storefront.mail.MailOutbox;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The mails about an order, queued in the caller's transaction: the confirmation (written by {@link OrderPlacement}
 * with the order) and its private link sent again (the guest order lookup). Links are absolute on the canonical base
 * URL (SHOP_PUBLIC_BASE_URL), never the request's Host.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderMails {

    @Inject
    MailOutbox outbox;
    @Inject
    PublicBaseUrl baseUrl;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirmation(Order order, List<OrderLine> lines, String shippingName,
                String orderUrl, String shopUrl);

        static native TemplateInstance orderLink(Order order, String orderUrl, String shopUrl);
    }

    /** The order confirmation: lines, discount, totals, shipping address and the link to the order. */
    public void queueConfirmation(Order order, List<OrderLine> lines) {
        outbox.enqueue(MailOutbox.render(MailKind.ORDER_CONFIRMATION, order.email,
                "Your MIR Shop order " + order.number + " is confirmed",
                Templates.confirmation(order, lines, ShippingMethod.nameOf(order.shippingMethod), orderUrl(order),
                        baseUrl.get())));
    }

    /** The order's private link again, to the address the order was placed with. */
    public void queueLink(Order order) {
        outbox.enqueue(MailOutbox.render(MailKind.ORDER_LINK, order.email,
                "Your MIR Shop order " + order.number, Templates.orderLink(order, orderUrl(order), baseUrl.get())));
    }

    private String orderUrl(Order order) {
        return baseUrl.absolute(new PlacedOrder(order.number, order.accessToken).link());
    }
}
