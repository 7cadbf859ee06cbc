package dev.mirshop.ads;

import java.util.regex.Pattern;

/**
 * A click target on this shop: an absolute path, never a URL that could leave it. Rejects schemes
 * ("http://", "javascript:"), protocol-relative "//host", backslashes that browsers read as slashes ("/\host"),
 * whitespace and control characters.
 */
public final class LocalPath {

    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?#]*");

    private LocalPath() {
    }

    public static boolean isLocal(String path) {
        return path != null && path.length() <= 500 && SAFE.matcher(path).matches() && !path.contains("\\");
    }
}
