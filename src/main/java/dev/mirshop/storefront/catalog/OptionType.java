package dev.mirshop.storefront.catalog;

import dev.mirshop.platform.persistence.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A dimension a product varies in: size, color. */
@Entity
@Table(name = "option_types")
public class OptionType extends IdentityEntity {
    public String name;
    public String presentation;
    public int position;
}
