package dev.mirshop.marketing;

import dev.mirshop.platform.forms.FieldErrors;
import java.math.BigDecimal;
import java.time.Instant;

import dev.mirshop.marketing.client.ConsoleApi.Discount;
import dev.mirshop.marketing.client.ConsoleApi.DiscountForm;

/** The discount code form as typed. */
public record DiscountFields(String name, String code, String kind, String value, String minimumOrderTotal,
        String startsAt, String endsAt, String usageLimit, String perCustomerLimit, boolean active) {

    static DiscountFields blank() {
        return new DiscountFields("", "", "percent", "", "0", "", "", "", "", true);
    }

    static DiscountFields of(Discount d) {
        return new DiscountFields(d.name(), d.code(), d.kind(), ConsoleFormatting.plain(d.value()),
                ConsoleFormatting.plain(d.minimumOrderTotal()), ConsoleFormatting.inputValue(d.startsAt()),
                ConsoleFormatting.inputValue(d.endsAt()), d.usageLimit() == null ? "" : d.usageLimit().toString(),
                d.perCustomerLimit() == null ? "" : d.perCustomerLimit().toString(), d.active());
    }

    /** The API request, or null when a field could not be read; other rules are the service's to check. */
    DiscountForm toForm(FieldErrors errors) {
        FormValues v = new FormValues(errors);
        BigDecimal amount = v.decimal("value", value);
        BigDecimal minimum = v.decimal("minimumOrderTotal", minimumOrderTotal);
        Instant start = v.time("startsAt", startsAt);
        Instant end = v.time("endsAt", endsAt);
        Integer limit = v.integer("usageLimit", usageLimit);
        Integer perCustomer = v.integer("perCustomerLimit", perCustomerLimit);
        String k = FormValues.trimmed(kind);
        if (amount == null && "free_shipping".equals(k) && !errors.has("value")) {
            amount = BigDecimal.ZERO;
        }
        if (errors.any()) {
            return null;
        }
        return new DiscountForm(FormValues.trimmed(name), FormValues.trimmed(code), k, amount, minimum, start, end,
                limit, perCustomer, active);
    }
}
