package dev.mirshop.storefront.address;

import java.util.List;
import java.util.Optional;

/** The countries the shop ships to, United States first and by default (checkout and saved addresses). */
public final class Countries {
    public record Country(String code, String name) {
    }

    public static final String DEFAULT = "US";
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

    public static Optional<Country> byCode(String code) {
        return ALL.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public static boolean isKnown(String code) {
        return byCode(code).isPresent();
    }

    public static String name(String code) {
        return byCode(code).map(Country::name).orElse(code == null ? "" : code);
    }
}
