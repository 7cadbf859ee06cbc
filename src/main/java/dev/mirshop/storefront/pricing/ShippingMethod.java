package dev.mirshop.storefront.pricing;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A way to ship an order (Standard, Express), keyed by its code. */
@Entity
@Table(name = "shipping_methods")
public class ShippingMethod extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String description;
    public BigDecimal price;
    public String currency;
    public int position;

    public static List<ShippingMethod> listOrdered() {
        return list("order by position, code");
    }

    /** The method's name as pages and mails show it ("Standard"); the code itself when the method is gone. */
    public static String nameOf(String code) {
        if (code == null) {
            return "";
        }
        ShippingMethod method = findById(code);
        return method == null ? code : method.name;
    }
}
