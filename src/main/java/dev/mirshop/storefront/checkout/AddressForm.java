package dev.mirshop.storefront.checkout;

import dev.mirshop.platform.forms.FieldErrors;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import dev.mirshop.storefront.account.Account;
import dev.mirshop.storefront.cart.Cart;
import dev.mirshop.storefront.cart.ShippingAddress;

/** The address step's form: email and shipping address, validated on the server with a message per field. */
public class AddressForm {
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final Pattern US_ZIP = Pattern.compile("^\\d{5}(-\\d{4})?$");
    private static final Pattern POSTCODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{5,30}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

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
        form.name = account.addressName != null ? account.addressName : account.name;
        form.line1 = account.addressLine1;
        form.line2 = account.addressLine2;
        form.city = account.addressCity;
        form.zip = account.addressZip;
        form.country = Countries.byCode(account.addressCountry).isPresent() ? account.addressCountry : Countries.DEFAULT;
        form.phone = account.addressPhone;
        return form;
    }

    /** Trims every field (blank becomes null) and returns what is wrong with it. */
    public FieldErrors validate() {
        email = clean(email);
        name = clean(name);
        line1 = clean(line1);
        line2 = clean(line2);
        city = clean(city);
        zip = clean(zip);
        country = clean(country);
        phone = clean(phone);

        FieldErrors errors = new FieldErrors();
        required(errors, "email", email, 254, "Please enter your email address.");
        if (!errors.has("email") && !EMAIL.matcher(email).matches()) {
            errors.add("email", "Please enter a valid email address, like name@example.com.");
        }
        required(errors, "name", name, 100, "Please enter the recipient's full name.");
        required(errors, "line1", line1, 200, "Please enter the street address.");
        optional(errors, "line2", line2, 200);
        required(errors, "city", city, 100, "Please enter the city.");
        if (country == null || Countries.byCode(country).isEmpty()) {
            errors.add("country", "Please choose a country from the list.");
        }
        required(errors, "zip", zip, 20, "Please enter the ZIP or postal code.");
        if (!errors.has("zip")) {
            if (Countries.DEFAULT.equals(country) && !US_ZIP.matcher(zip).matches()) {
                errors.add("zip", "Please enter a 5-digit ZIP code, like 94107.");
            } else if (!POSTCODE.matcher(zip).matches()) {
                errors.add("zip", "Please enter a valid postal code.");
            }
        }
        optional(errors, "phone", phone, 30);
        if (!errors.has("phone") && phone != null && !PHONE.matcher(phone).matches()) {
            errors.add("phone", "Please enter a phone number with digits only, like +1 415 555 0100.");
        }
        return errors;
    }

    public void copyTo(Cart cart) {
        cart.email = email;
        cart.shipTo = ShippingAddress.of(name, line1, line2, city, zip, country, phone);
    }

    private static void required(FieldErrors errors, String field, String value, int max, String missing) {
        if (value == null) {
            errors.add(field, missing);
        } else {
            optional(errors, field, value, max);
        }
    }

    private static void optional(FieldErrors errors, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(field, "Please use at most " + max + " characters.");
        } else if (CONTROL.matcher(value).find()) {
            errors.add(field, "Please remove the special characters.");
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
