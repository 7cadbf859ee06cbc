package dev.mirshop.storefront.cart;

import java.math.BigDecimal;
import java.util.List;

/** A cart's lines with prices read from the catalog now; totals are always computed here, on the server. */
public record CartView(Long cartId, List<CartLine> lines) {

    public static CartView empty() {
        return new CartView(null, List.of());
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    public BigDecimal itemTotal() {
        return lines.stream().map(CartLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String currency() {
        return lines.isEmpty() ? "USD" : lines.get(0).currency();
    }

    public boolean anyExceedsStock() {
        return lines.stream().anyMatch(CartLine::exceedsStock);
    }
}
