package dev.mirshop.storefront.order;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.mirshop.storefront.address.Countries;
import io.quarkus.qute.TemplateExtension;

/** How the order page shows an order's date, country and payment. */
@TemplateExtension
public class OrderFormatting {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    static String placedOn(Order order) {
        return order.completedAt == null ? "" : DATE.format(order.completedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static String countryName(Order order) {
        return Countries.name(order.shipTo.country);
    }

    static String paymentLabel(Order order) {
        return order.paidByCard() ? order.cardBrand + " ending in " + order.cardLast4 : "Pay on delivery";
    }

    static String paymentStateLabel(Order order) {
        return Order.PAID.equals(order.paymentState) ? "Paid" : "To be paid on delivery";
    }
}
