package dev.mirshop.storefront.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;

/** Presentation helpers for templates: money, never in entities or templates themselves. */
@TemplateExtension
public class Formatting {

    /** A NumberFormat is not thread-safe, and making one per price was a visible share of a page's rendering. */
    private static final ThreadLocal<Map<String, NumberFormat>> CURRENCY_FORMATS = ThreadLocal.withInitial(HashMap::new);

    static String money(BigDecimal amount) {
        return money(amount, "USD");
    }

    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        return CURRENCY_FORMATS.get().computeIfAbsent(currency, Formatting::currencyFormat).format(amount);
    }

    private static NumberFormat currencyFormat(String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(Currency.getInstance(currency));
        return format;
    }
}
