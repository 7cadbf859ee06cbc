package dev.mirshop.storefront.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Presentation helpers for templates: money, never in entities or templates themselves. */
@TemplateExtension
public class Formatting {

    static String money(BigDecimal amount) {
        return money(amount, "USD");
    }

    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }
}
