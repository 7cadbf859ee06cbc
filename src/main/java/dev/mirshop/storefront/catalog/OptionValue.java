package dev.mirshop.storefront.catalog;

import dev.mirshop.platform.persistence.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "option_values")
public class OptionValue extends IdentityEntity {
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "option_type_id")
    public OptionType optionType;

    public String name;
    public String presentation;
    public int position;
}
