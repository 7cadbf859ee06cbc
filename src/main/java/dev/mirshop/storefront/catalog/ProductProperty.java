package dev.mirshop.storefront.catalog;

import dev.mirshop.platform.persistence.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "product_properties")
public class ProductProperty extends IdentityEntity {
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    public Product product;

    public String name;
    public String value;
    public int position;
}
