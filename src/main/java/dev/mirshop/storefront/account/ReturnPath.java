package dev.mirshop.storefront.account;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to send a shopper after login or signup: only a path on this shop. Anything that a browser could
 * read as another origin ({@code //evil.example}, {@code /\evil.example}, {@code https://...}) is refused,
 * so the login page cannot be used as an open redirect.
 */
public final class ReturnPath {
    public static final String DEFAULT = "/account";
    private static final int MAX_LENGTH = 512;

    private ReturnPath() {
    }

    /** The path itself if it is safe, else null. */
    public static String safeOrNull(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return null;
        }
        if (candidate.charAt(0) != '/' || candidate.startsWith("//")) {
            return null;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c == '\\' || c <= 0x20 || c == 0x7f) {
                return null;
            }
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return null;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return candidate;
    }

    public static String orDefault(String candidate) {
        String safe = safeOrNull(candidate);
        return safe != null ? safe : DEFAULT;
    }
}
