package dev.mirshop.storefront.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.mirshop.storefront.catalog.ProductDetails.ImageData;
import dev.mirshop.storefront.catalog.ProductDetails.OptionData;
import dev.mirshop.storefront.catalog.ProductDetails.VariantData;

/**
 * Variant selection without JavaScript: every option value is a link to {@code ?variant=<id>} of the variant
 * that has that value and the currently selected other values, or, when that combination does not exist,
 * of any variant with that value (in stock first). Combinations that do not exist or are sold out are marked.
 */
public final class VariantPicker {

    public record Choice(String value, String label, boolean selected, boolean available, String url) {
    }

    public record Picker(String type, String label, List<Choice> choices) {
    }

    private VariantPicker() {
    }

    /** The variant asked for, or empty when the id is not one of the product's variants. */
    public static Optional<VariantData> find(List<VariantData> variants, long id) {
        return variants.stream().filter(v -> v.id() == id).findFirst();
    }

    /** Without a choice, the first variant in stock, else the first. */
    public static VariantData defaultVariant(List<VariantData> variants) {
        return variants.stream().filter(v -> v.stockOnHand() > 0).findFirst().orElse(variants.get(0));
    }

    public static List<Picker> pickers(String productUrl, List<VariantData> variants, VariantData selected) {
        Map<String, List<OptionData>> valuesByType = new LinkedHashMap<>();
        variants.stream().flatMap(v -> v.options().values().stream())
                .sorted(Comparator.comparingInt(OptionData::typePosition).thenComparingInt(OptionData::position))
                .forEach(o -> {
                    List<OptionData> values = valuesByType.computeIfAbsent(o.typeName(), k -> new ArrayList<>());
                    if (values.stream().noneMatch(x -> x.name().equals(o.name()))) {
                        values.add(o);
                    }
                });
        List<Picker> pickers = new ArrayList<>();
        for (var entry : valuesByType.entrySet()) {
            String type = entry.getKey();
            List<Choice> choices = new ArrayList<>();
            for (OptionData value : entry.getValue()) {
                VariantData exact = variants.stream()
                        .filter(v -> hasValue(v, type, value.name()) && sameOtherValues(v, selected, type))
                        .findFirst().orElse(null);
                VariantData target = exact != null ? exact : variants.stream()
                        .filter(v -> hasValue(v, type, value.name()))
                        .min(Comparator.comparing((VariantData v) -> v.stockOnHand() <= 0))
                        .orElseThrow();
                choices.add(new Choice(value.name(), value.presentation(), hasValue(selected, type, value.name()),
                        exact != null && exact.stockOnHand() > 0, productUrl + "?variant=" + target.id()));
            }
            pickers.add(new Picker(type, entry.getValue().get(0).typePresentation(), choices));
        }
        return pickers;
    }

    /** The selected variant's own images first, then the product-wide ones, then the other variants' (each URL once). */
    public static List<ImageData> gallery(List<ImageData> images, VariantData selected) {
        Set<String> seen = new LinkedHashSet<>();
        List<ImageData> ordered = new ArrayList<>();
        images.stream().filter(i -> Objects.equals(i.variantId(), selected.id())).forEach(i -> add(ordered, seen, i));
        images.stream().filter(i -> i.variantId() == null).forEach(i -> add(ordered, seen, i));
        images.forEach(i -> add(ordered, seen, i));
        return ordered;
    }

    private static void add(List<ImageData> ordered, Set<String> seen, ImageData image) {
        if (seen.add(image.url())) {
            ordered.add(image);
        }
    }

    private static boolean hasValue(VariantData v, String type, String value) {
        OptionData o = v.options().get(type);
        return o != null && o.name().equals(value);
    }

    private static boolean sameOtherValues(VariantData v, VariantData selected, String exceptType) {
        for (var o : selected.options().entrySet()) {
            if (!o.getKey().equals(exceptType) && !hasValue(v, o.getKey(), o.getValue().name())) {
                return false;
            }
        }
        return true;
    }
}
