package dev.mirshop.storefront.account;

import java.time.OffsetDateTime;
import java.util.Optional;

import dev.mirshop.platform.persistence.IdentityEntity;
import dev.mirshop.storefront.address.ShippingAddress;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A shopper's (or marketer's) account. Passwords are stored as bcrypt hashes only. */
@Entity
@Table(name = "accounts")
public class Account extends IdentityEntity {
    public static final String ROLE_SHOPPER = "shopper";

    public String email;
    @Column(name = "password_hash")
    public String passwordHash;
    public String name;
    public String role;
    /** The address book's one address (the address_* columns); null while none was saved. */
    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "address_name"))
    @AttributeOverride(name = "line1", column = @Column(name = "address_line1"))
    @AttributeOverride(name = "line2", column = @Column(name = "address_line2"))
    @AttributeOverride(name = "city", column = @Column(name = "address_city"))
    @AttributeOverride(name = "zip", column = @Column(name = "address_zip"))
    @AttributeOverride(name = "country", column = @Column(name = "address_country"))
    @AttributeOverride(name = "phone", column = @Column(name = "address_phone"))
    public ShippingAddress address;
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    public static Optional<Account> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public boolean hasAddress() {
        return address != null && address.line1 != null && !address.line1.isBlank();
    }
}
