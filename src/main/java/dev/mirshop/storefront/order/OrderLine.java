package dev.mirshop.storefront.order;

import java.math.BigDecimal;
import java.util.List;

import dev.mirshop.platform.persistence.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of an order: what was bought, named and priced as it was at checkout (the catalog may change later). */
@Entity
@Table(name = "order_lines")
public class OrderLine extends IdentityEntity {
    @Column(name = "order_id")
    public Long orderId;
    @Column(name = "variant_id")
    public Long variantId;
    public String sku;
    @Column(name = "product_name")
    public String productName;
    @Column(name = "product_slug")
    public String productSlug;
    @Column(name = "variant_label")
    public String variantLabel;
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
    public int quantity;
    @Column(name = "line_total")
    public BigDecimal lineTotal;

    public static List<OrderLine> ofOrder(long orderId) {
        return list("orderId = ?1 order by id", orderId);
    }

    public boolean hasOptions() {
        return variantLabel != null && !variantLabel.isBlank();
    }
}
