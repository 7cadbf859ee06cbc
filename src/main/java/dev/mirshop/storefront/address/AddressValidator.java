package dev.mirshop.storefront.address;

import java.util.regex.Pattern;

import dev.mirshop.platform.forms.FieldErrors;

/**
 * The one rule for a shipping address, used by checkout's address step and the account's address book, so an
 * address the book accepts is one checkout accepts, and the other way round:
 * <ul>
 * <li>name, street and city required (at most 100, 200 and 100 characters), a second street line optional (200);</li>
 * <li>a country the shop ships to ({@link Countries});</li>
 * <li>ZIP or postal code required: a US ZIP is 5 digits or ZIP+4 ("94107", "94107-1234"), as US carriers need;
 * elsewhere 2 to 10 letters, digits, spaces or hyphens starting with a letter or digit ("SW1Y 4JH", "10115",
 * "D02 X285"): the longest postal codes in use have 10 characters;</li>
 * <li>phone optional: digits with an optional leading +, spaces, dots, hyphens and parentheses, 5 to 15 digits
 * (15 is the E.164 maximum), at most 30 characters;</li>
 * <li>no control characters in any field.</li>
 * </ul>
 * Field errors are keyed by the form's field names: the form's prefix ("" at checkout, "address_" in the address
 * book) and the field (name, line1, line2, city, zip, country, phone).
 */
public final class AddressValidator {
    private static final Pattern US_ZIP = Pattern.compile("^\\d{5}(-\\d{4})?$");
    private static final Pattern POSTCODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]+$");
    private static final int PHONE_MIN_DIGITS = 5;
    private static final int PHONE_MAX_DIGITS = 15;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private AddressValidator() {
    }

    /** What is wrong with an address as {@link ShippingAddress#typed} cleaned it; empty when it can ship. */
    public static FieldErrors validate(ShippingAddress address, String fieldPrefix) {
        FieldErrors errors = new FieldErrors();
        validate(address, fieldPrefix, errors);
        return errors;
    }

    /** Adds the address's problems to errors a form already has (e.g. the checkout's email). */
    public static void validate(ShippingAddress address, String fieldPrefix, FieldErrors errors) {
        String p = fieldPrefix;
        required(errors, p + "name", address.name, 100, "Please enter the recipient's full name.");
        required(errors, p + "line1", address.line1, 200, "Please enter the street address.");
        optional(errors, p + "line2", address.line2, 200);
        required(errors, p + "city", address.city, 100, "Please enter the city.");
        if (address.country == null || !Countries.isKnown(address.country)) {
            errors.add(p + "country", "Please choose a country from the list.");
        }
        required(errors, p + "zip", address.zip, 20, "Please enter the ZIP or postal code.");
        if (!errors.has(p + "zip")) {
            if (Countries.DEFAULT.equals(address.country) && !US_ZIP.matcher(address.zip).matches()) {
                errors.add(p + "zip", "Please enter a 5-digit ZIP code, like 94107.");
            } else if (!POSTCODE.matcher(address.zip).matches()) {
                errors.add(p + "zip", "Please enter a valid postal code.");
            }
        }
        optional(errors, p + "phone", address.phone, 30);
        if (!errors.has(p + "phone") && address.phone != null && !isPhone(address.phone)) {
            errors.add(p + "phone", "Please enter a phone number with digits only, like +1 415 555 0100.");
        }
    }

    private static boolean isPhone(String phone) {
        long digits = phone.chars().filter(Character::isDigit).count();
        return PHONE.matcher(phone).matches() && digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
    }

    /** A required field: missing, too long or with control characters. */
    public static void required(FieldErrors errors, String field, String value, int max, String missing) {
        if (value == null) {
            errors.add(field, missing);
        } else {
            optional(errors, field, value, max);
        }
    }

    /** An optional field: too long or with control characters. */
    public static void optional(FieldErrors errors, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(field, "Please use at most " + max + " characters.");
        } else if (CONTROL.matcher(value).find()) {
            errors.add(field, "Please remove the special characters.");
        }
    }
}
