package dev.mirshop.storefront.account;

import java.time.OffsetDateTime;
import java.util.Optional;

import dev.mirshop.platform.persistence.IdentityEntity;
import jakarta.persistence.Column;
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
    @Column(name = "address_name")
    public String addressName;
    @Column(name = "address_line1")
    public String addressLine1;
    @Column(name = "address_line2")
    public String addressLine2;
    @Column(name = "address_city")
    public String addressCity;
    @Column(name = "address_zip")
    public String addressZip;
    @Column(name = "address_country")
    public String addressCountry;
    @Column(name = "address_phone")
    public String addressPhone;
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    public static Optional<Account> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public boolean hasAddress() {
        return addressLine1 != null && !addressLine1.isBlank();
    }
}
