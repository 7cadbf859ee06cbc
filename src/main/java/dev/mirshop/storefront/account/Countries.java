package dev.mirshop.storefront.account;

import java.util.List;

/** The countries the shop ships to (same short list as checkout), United States first and by default. */
public final class Countries {
    public static final String DEFAULT = "US";

    public record Country(String code, String name) {
    }

    public static final List<Country> ALL = List.of(
            new Country("US", "United States"),
            new Country("CA", "Canada"),
            new Country("GB", "United Kingdom"),
            new Country("IE", "Ireland"),
            new Country("DE", "Germany"),
            new Country("FR", "France"),
            new Country("NL", "Netherlands"),
            new Country("ES", "Spain"),
            new Country("IT", "Italy"),
            new Country("AU", "Australia"));

    private Countries() {
    }

    public static boolean isKnown(String code) {
        return code != null && ALL.stream().anyMatch(c -> c.code().equals(code));
    }
}
