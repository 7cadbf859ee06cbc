package dev.mirshop.storefront.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where an order ships: entered at checkout on the cart, copied onto the order when it is placed (the ship_*
 * columns of both tables). A cart without an address yet has none: JPA loads all-null columns as no object.
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

    /** The same address, for another entity: an embedded value belongs to one owner. */
    public ShippingAddress copy() {
        return of(name, line1, line2, city, zip, country, phone);
    }
}
