package dev.mirshop.storefront.checkout;

import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import dev.mirshop.platform.forms.FieldErrors;
import dev.mirshop.storefront.account.Account;
import dev.mirshop.storefront.address.AddressValidator;
import dev.mirshop.storefront.address.Countries;
import dev.mirshop.storefront.address.ShippingAddress;
import dev.mirshop.storefront.cart.Cart;

/** The address step's form: email and shipping address, validated on the server with a message per field. */
public class AddressForm {
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    @RestForm
    public String email;
    @RestForm
    public String name;
    @RestForm
    public String line1;
    @RestForm
    public String line2;
    @RestForm
    public String city;
    @RestForm
    public String zip;
    @RestForm
    public String country;
    @RestForm
    public String phone;

    public static AddressForm fromCart(Cart cart) {
        AddressForm form = new AddressForm();
        form.email = cart.email;
        ShippingAddress address = cart.shipTo == null ? new ShippingAddress() : cart.shipTo;
        form.name = address.name;
        form.line1 = address.line1;
        form.line2 = address.line2;
        form.city = address.city;
        form.zip = address.zip;
        form.country = address.country == null ? Countries.DEFAULT : address.country;
        form.phone = address.phone;
        return form;
    }

    public static AddressForm fromAccount(Account account) {
        AddressForm form = new AddressForm();
        form.email = account.email;
        ShippingAddress address = account.address == null ? new ShippingAddress() : account.address;
        form.name = address.name != null ? address.name : account.name;
        form.line1 = address.line1;
        form.line2 = address.line2;
        form.city = address.city;
        form.zip = address.zip;
        form.country = Countries.isKnown(address.country) ? address.country : Countries.DEFAULT;
        form.phone = address.phone;
        return form;
    }

    /** Trims every field (blank becomes null) and returns what is wrong with it: the email, then the address. */
    public FieldErrors validate() {
        email = email == null || email.isBlank() ? null : email.strip();
        ShippingAddress address = address();
        name = address.name;
        line1 = address.line1;
        line2 = address.line2;
        city = address.city;
        zip = address.zip;
        country = address.country;
        phone = address.phone;

        FieldErrors errors = new FieldErrors();
        AddressValidator.required(errors, "email", email, 254, "Please enter your email address.");
        if (!errors.has("email") && !EMAIL.matcher(email).matches()) {
            errors.add("email", "Please enter a valid email address, like name@example.com.");
        }
        AddressValidator.validate(address, "", errors);
        return errors;
    }

    private ShippingAddress address() {
        return ShippingAddress.typed(name, line1, line2, city, zip, country, phone);
    }

    public void copyTo(Cart cart) {
        cart.email = email;
        cart.shipTo = address();
    }
}
