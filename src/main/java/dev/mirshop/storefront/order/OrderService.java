package dev.mirshop.storefront.order;

import java.util.List;
import java.util.Optional;

import dev.mirshop.storefront.pricing.ShippingMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads placed orders for the order page. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderService {

    public record OrderDetails(Order order, List<OrderLine> lines, String shippingName) {
    }

    /** The order, if it exists and this shopper may see it; empty otherwise (the caller answers 404 either way). */
    public Optional<OrderDetails> visible(String number, Optional<Long> accountId, String token) {
        if (number == null || !OrderNumbers.isWellFormed(number) || (token != null && token.length() > 100)) {
            return Optional.empty();
        }
        return Order.findByNumber(number)
                .filter(order -> OrderAccess.allows(order, accountId, token))
                .map(order -> new OrderDetails(order, OrderLine.ofOrder(order.id),
                        ShippingMethod.nameOf(order.shippingMethod)));
    }
}
