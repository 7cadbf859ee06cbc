package dev.mirshop.observability;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Keeps label values bounded: metric labels must never carry free text from users or the database. */
final class MeterLabels {

    static final String OTHER = "other";
    private static final int MAX_LENGTH = 40;
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

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
        String slug = EDGE_UNDERSCORES.matcher(NOT_SLUG.matcher(value.trim().toLowerCase(Locale.ROOT)).replaceAll("_"))
                .replaceAll("");
        if (slug.isEmpty()) {
            return "none";
        }
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH) : slug;
    }
}
