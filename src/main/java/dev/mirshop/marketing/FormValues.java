package dev.mirshop.marketing;

import dev.mirshop.platform.forms.FieldErrors;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads the console's form fields; a malformed value becomes a message next to its field, never an exception. */
final class FormValues {

    private final FieldErrors errors;

    FormValues(FieldErrors errors) {
        this.errors = errors;
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A datetime-local value, read as UTC. */
    Instant time(String field, String value) {
        String v = trimmed(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e2) {
                errors.add(field, "enter a date and time, such as 2026-12-01T00:00");
                return null;
            }
        }
    }

    Integer integer(String field, String value) {
        String v = trimmed(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(field, "enter a whole number");
            return null;
        }
    }

    BigDecimal decimal(String field, String value) {
        String v = trimmed(value);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.scale() > 2) {
                errors.add(field, "use at most 2 decimals");
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(field, "enter a number, such as 12.50");
            return null;
        }
    }
}
