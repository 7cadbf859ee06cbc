package dev.mirshop.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.mirshop.marketing.client.ConsoleApi.Campaign;
import dev.mirshop.marketing.client.ConsoleApi.Discount;
import io.quarkus.qute.TemplateExtension;

/** How the console shows times (UTC), rates and windows. */
@TemplateExtension
public class ConsoleFormatting {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final DateTimeFormatter YEARLY = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    /** "2026-12-01 00:00 UTC", or "–" when there is no time. */
    static String utc(Instant t) {
        return t == null ? "–" : SHOWN.format(t.atZone(ZoneOffset.UTC));
    }

    /** The value of a datetime-local input, in UTC. */
    static String inputValue(Instant t) {
        return t == null ? "" : INPUT.format(t.atZone(ZoneOffset.UTC));
    }

    /** Click-through rate: "2.50%", or "–" before the first impression. */
    static String ctr(Campaign c) {
        return rate(c.clicks(), c.impressions());
    }

    static String rate(long clicks, long impressions) {
        if (impressions <= 0) {
            return "–";
        }
        return BigDecimal.valueOf(clicks * 100L).divide(BigDecimal.valueOf(impressions), 2, RoundingMode.HALF_UP)
                + "%";
    }

    /** "2026-12-01 00:00 UTC → 2026-12-26 00:00 UTC", "every year ..." for yearly campaigns. */
    static String window(Campaign c) {
        String from = c.startsAt() == null ? "always" : utc(c.startsAt());
        String to = c.endsAt() == null ? "open-ended" : utc(c.endsAt());
        if (c.yearly()) {
            return "every year, " + YEARLY.format(c.startsAt().atZone(ZoneOffset.UTC)) + " → "
                    + YEARLY.format(c.endsAt().atZone(ZoneOffset.UTC)) + " UTC";
        }
        return from + " → " + to;
    }

    /** "from – to" of a discount code, "always" when it has no window. */
    static String window(Discount d) {
        if (d.startsAt() == null && d.endsAt() == null) {
            return "always";
        }
        return (d.startsAt() == null ? "now" : utc(d.startsAt())) + " → "
                + (d.endsAt() == null ? "open-ended" : utc(d.endsAt()));
    }

    static String usage(Discount d) {
        return d.usageLimit() == null ? String.valueOf(d.timesUsed()) : d.timesUsed() + " / " + d.usageLimit();
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
