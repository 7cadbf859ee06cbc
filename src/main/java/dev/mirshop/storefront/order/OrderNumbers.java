package dev.mirshop.storefront.order;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/** Order numbers as shoppers read them: R and nine digits, drawn at random (about 30 bits). */
public final class OrderNumbers {

    static final Pattern FORMAT = Pattern.compile("R\\d{9}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderNumbers() {
    }

    static String random() {
        return "R" + String.format(Locale.ROOT, "%09d", RANDOM.nextInt(1_000_000_000));
    }

    public static boolean isWellFormed(String number) {
        return number != null && FORMAT.matcher(number).matches();
    }
}
