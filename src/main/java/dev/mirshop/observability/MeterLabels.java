package dev.mirshop.observability;

import java.util.Locale;
import java.util.Set;

/** Keeps label values bounded: metric labels must never carry free text from users or the database. */
final class MeterLabels {

    static final String OTHER = "other";
    private static final int MAX_LENGTH = 40;

    private MeterLabels() {
    }

    /** The value if it is one of the allowed ones (case-insensitive), otherwise "other". */
    static String oneOf(String value, Set<String> allowed) {
        if (value == null) {
            return OTHER;
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return allowed.contains(normalized) ? normalized : OTHER;
    }

    /** A slug of a name chosen by staff (a campaign): lower case, [a-z0-9_], at most 40 characters. */
    static String slug(String value) {
        if (value == null || value.isBlank()) {
            return "none";
        }
        String slug = value.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            return "none";
        }
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH) : slug;
    }
}
