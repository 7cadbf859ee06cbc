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

    /** The same address, for another entity: an embedded value belongs to one owner. */
    public ShippingAddress copy() {
        ShippingAddress copy = new ShippingAddress();
        copy.name = name;
        copy.line1 = line1;
        copy.line2 = line2;
        copy.city = city;
        copy.zip = zip;
        copy.country = country;
        copy.phone = phone;
        return copy;
    }
}
