package dev.mirshop.storefront.checkout;

import dev.mirshop.platform.forms.FieldErrors;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import dev.mirshop.storefront.cart.PaymentMethod;

/**
 * The payment step's form. The card number and CVC live only in this object for the length of one request: they are
 * handed to the gateway, never stored, never logged, never rendered back (toString masks them).
 */
public class PaymentForm {
    public static final String CARD = PaymentMethod.CARD.code();
    public static final String COD = PaymentMethod.PAY_ON_DELIVERY.code();
    private static final Pattern EXPIRY = Pattern.compile("^(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})$");
    private static final Pattern CVC = Pattern.compile("^\\d{3,4}$");

    @RestForm("payment_method")
    public String method;
    @RestForm("card_number")
    public String number;
    @RestForm("card_expiry")
    public String expiry;
    @RestForm("card_cvc")
    public String cvc;

    private String digits;

    public boolean isCard() {
        return CARD.equals(method);
    }

    public boolean isCod() {
        return COD.equals(method);
    }

    public FieldErrors validate(YearMonth today) {
        FieldErrors errors = new FieldErrors();
        if (!isCard() && !isCod()) {
            errors.add("payment_method", "Please choose how you want to pay.");
            return errors;
        }
        if (isCod()) {
            return errors;
        }
        String compact = number == null ? "" : number.replaceAll("[\\s-]", "");
        if (compact.isEmpty()) {
            errors.add("card_number", "Please enter your card number.");
        } else if (!compact.matches("\\d{12,19}") || !luhnValid(compact)) {
            errors.add("card_number", "Please enter a valid card number.");
        } else {
            digits = compact;
        }
        String exp = expiry == null ? "" : expiry.strip();
        Matcher m = EXPIRY.matcher(exp);
        if (exp.isEmpty()) {
            errors.add("card_expiry", "Please enter the expiry date (MM/YY).");
        } else if (!m.matches()) {
            errors.add("card_expiry", "Please enter the expiry date as MM/YY, like 08/29.");
        } else {
            int month = Integer.parseInt(m.group(1));
            int year = Integer.parseInt(m.group(2));
            year = year < 100 ? 2000 + year : year;
            if (month < 1 || month > 12) {
                errors.add("card_expiry", "Please enter a month from 01 to 12.");
            } else if (YearMonth.of(year, month).isBefore(today)) {
                errors.add("card_expiry", "This card has expired.");
            } else if (YearMonth.of(year, month).isAfter(today.plusYears(20))) {
                errors.add("card_expiry", "Please check the expiry date.");
            }
        }
        String code = cvc == null ? "" : cvc.strip();
        if (code.isEmpty()) {
            errors.add("card_cvc", "Please enter the security code (CVC).");
        } else if (!CVC.matcher(code).matches()) {
            errors.add("card_cvc", "The security code (CVC) is the 3 or 4 digits on your card.");
        }
        return errors;
    }

    /** Checks the form on the shop's clock: a card is valid through the last day of its expiry month (UTC). */
    public FieldErrors validate(Clock clock) {
        return validate(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** The validated card number, digits only; null before {@link #validate} or when it was invalid. */
    String cardDigits() {
        return digits;
    }

    /** The expiry as the shopper typed it is safe to show again; number and CVC are not. */
    public String expiryForRedisplay() {
        return expiry == null || expiry.length() > 7 ? "" : expiry;
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return "PaymentForm[method=" + method + ", card=****]";
    }
}
