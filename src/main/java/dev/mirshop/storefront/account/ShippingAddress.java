package dev.mirshop.storefront.account;

import dev.mirshop.storefront.checkout.Countries;
import dev.mirshop.platform.forms.FieldErrors;
import java.util.regex.Pattern;

/** A saved shipping address, validated like the checkout's address step. */
public record ShippingAddress(String name, String line1, String line2, String city, String zip, String country,
        String phone) {

    private static final Pattern ZIP = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]{1,19}$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()./ -]{4,30}$");

    public ShippingAddress {
        name = SignupForm.trim(name);
        line1 = SignupForm.trim(line1);
        line2 = SignupForm.trim(line2);
        city = SignupForm.trim(city);
        zip = SignupForm.trim(zip);
        country = SignupForm.trim(country).toUpperCase(java.util.Locale.ROOT);
        phone = SignupForm.trim(phone);
    }

    public static ShippingAddress of(Account account) {
        return new ShippingAddress(account.addressName, account.addressLine1, account.addressLine2,
                account.addressCity, account.addressZip,
                account.addressCountry == null ? Countries.DEFAULT : account.addressCountry, account.addressPhone);
    }

    public boolean isEmpty() {
        return line1.isEmpty();
    }

    public FieldErrors validate() {
        FieldErrors errors = new FieldErrors();
        required(errors, "address_name", name, 100, "Please enter the recipient's name.");
        required(errors, "address_line1", line1, 200, "Please enter the street address.");
        if (line2.length() > 200) {
            errors.add("address_line2", "At most 200 characters.");
        }
        required(errors, "address_city", city, 100, "Please enter the city.");
        if (zip.isEmpty()) {
            errors.add("address_zip", "Please enter the ZIP or postal code.");
        } else if (!ZIP.matcher(zip).matches()) {
            errors.add("address_zip", "Please enter a valid ZIP or postal code.");
        }
        if (!Countries.isKnown(country)) {
            errors.add("address_country", "Please choose a country from the list.");
        }
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            errors.add("address_phone", "Please enter a valid phone number (digits, spaces, + ( ) - only).");
        }
        return errors;
    }

    private static void required(FieldErrors errors, String field, String value, int max, String missing) {
        if (value.isEmpty()) {
            errors.add(field, missing);
        } else if (value.length() > max) {
            errors.add(field, "At most " + max + " characters.");
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    void copyTo(Account account) {
        account.addressName = name;
        account.addressLine1 = line1;
        account.addressLine2 = blankToNull(line2);
        account.addressCity = city;
        account.addressZip = zip;
        account.addressCountry = country;
        account.addressPhone = blankToNull(phone);
    }
}
