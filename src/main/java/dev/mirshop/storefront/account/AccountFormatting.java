package dev.mirshop.storefront.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Presentation helpers for the account pages. */
@TemplateExtension
public class AccountFormatting {

    private static final DateTimeFormatter CALENDAR_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    /** {@code {order.completedAt.calendarDate}}: "Nov 25, 2026" (UTC). */
    static String calendarDate(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(ZoneOffset.UTC).format(CALENDAR_DATE);
    }

    /** {@code {returnTo.returnParam}}: a return path encoded as one query parameter value. */
    static String returnParam(String path) {
        return path == null ? "" : URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /** {@code {order.state.stateLabel}}: "complete" → "Complete". */
    static String stateLabel(String state) {
        if (state == null || state.isEmpty()) {
            return "";
        }
        return Character.toUpperCase(state.charAt(0)) + state.substring(1).replace('_', ' ');
    }
}
