package dev.mirshop.storefront.catalog;

import dev.mirshop.platform.persistence.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "taxonomies")
public class Taxonomy extends IdentityEntity {
    public String name;
    public int position;
}
