package dev.mirshop.platform.web;

import java.util.regex.Pattern;

/** Request paths as the filters that guard them compare them. */
public final class RequestPaths {

    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private RequestPaths() {
    }

    /** The decoded path with runs of slashes made one ("//admin" is "/admin"), as routing matches it. */
    public static String collapseSlashes(String path) {
        return path.contains("//") ? REPEATED_SLASHES.matcher(path).replaceAll("/") : path;
    }
}
