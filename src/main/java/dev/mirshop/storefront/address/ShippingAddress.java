package dev.mirshop.storefront.address;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where an order ships, the one address type of the shop: entered at checkout on the cart, copied onto the order
 * when it is placed (the ship_* columns of both tables), and kept in an account's address book (its address_*
 * columns). A row without an address has none: JPA loads all-null columns as no object. {@link AddressValidator}
 * decides what a valid address is, for checkout and the address book alike.
 */
@Embeddable
public class ShippingAddress {
    @Column(name = "ship_name")
    public String name;
    @Column(name = "ship_line1")
    public String line1;
    @Column(name = "ship_line2")
    public String line2;
    @Column(name = "ship_city")
    public String city;
    @Column(name = "ship_zip")
    public String zip;
    @Column(name = "ship_country")
    public String country;
    @Column(name = "ship_phone")
    public String phone;

    /** Every line an address needs to ship (the second line and the phone are optional). */
    public boolean isComplete() {
        return name != null && line1 != null && city != null && zip != null && country != null;
    }

    public static ShippingAddress of(String name, String line1, String line2, String city, String zip, String country,
            String phone) {
        ShippingAddress address = new ShippingAddress();
        address.name = name;
        address.line1 = line1;
        address.line2 = line2;
        address.city = city;
        address.zip = zip;
        address.country = country;
        address.phone = phone;
        return address;
    }

    /** What a form sent, trimmed, blanks as null, the country code upper case: ready for the validator. */
    public static ShippingAddress typed(String name, String line1, String line2, String city, String zip,
            String country, String phone) {
        String code = clean(country);
        return of(clean(name), clean(line1), clean(line2), clean(city), clean(zip),
                code == null ? null : code.toUpperCase(Locale.ROOT), clean(phone));
    }

    /** The same address, for another entity: an embedded value belongs to one owner. */
    public ShippingAddress copy() {
        return of(name, line1, line2, city, zip, country, phone);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
