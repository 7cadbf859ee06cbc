package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.mirshop.platform.persistence.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** The purchasable unit of a product: one SKU, one price, its own stock. */
@Entity
@Table(name = "variants")
public class Variant extends IdentityEntity {
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    public Product product;

    public String sku;
    public BigDecimal price;
    @Column(name = "compare_at_price")
    public BigDecimal compareAtPrice;
    public String currency;
    @Column(name = "stock_on_hand")
    public int stockOnHand;
    public int position;

    @ManyToMany
    @JoinTable(name = "variants_option_values",
            joinColumns = @JoinColumn(name = "variant_id"),
            inverseJoinColumns = @JoinColumn(name = "option_value_id"))
    @OrderBy("position")
    public List<OptionValue> optionValues = new ArrayList<>();

    public boolean inStock() {
        return stockOnHand > 0;
    }

    /** "Size: M, Color: Blue"-style label; empty for a product without options. */
    public String optionsLabel() {
        return optionValues.stream()
                .map(v -> v.optionType.presentation + ": " + v.presentation)
                .collect(Collectors.joining(", "));
    }
}
