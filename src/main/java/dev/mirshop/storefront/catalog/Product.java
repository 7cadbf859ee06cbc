package dev.mirshop.storefront.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.mirshop.platform.persistence.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

@Entity
@Table(name = "products")
public class Product extends IdentityEntity {
    public String name;
    public String slug;
    public String description;
    @Column(name = "meta_title")
    public String metaTitle;
    @Column(name = "meta_description")
    public String metaDescription;
    @Column(name = "available_on")
    public OffsetDateTime availableOn;
    public boolean featured;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @ManyToMany
    @JoinTable(name = "products_taxons",
            joinColumns = @JoinColumn(name = "product_id"),
            inverseJoinColumns = @JoinColumn(name = "taxon_id"))
    public Set<Taxon> taxons = new LinkedHashSet<>();

    @OneToMany(mappedBy = "product")
    @OrderBy("position, id")
    public List<Variant> variants = new ArrayList<>();

    @OneToMany(mappedBy = "product")
    @OrderBy("position, id")
    public List<ProductImage> images = new ArrayList<>();

    @OneToMany(mappedBy = "product")
    @OrderBy("position, id")
    public List<ProductProperty> properties = new ArrayList<>();
}
