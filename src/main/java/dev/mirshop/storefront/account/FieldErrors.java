package dev.mirshop.storefront.account;

import java.util.LinkedHashMap;
import java.util.Map;

/** Validation messages by form field, shown next to the fields: {@code {errors.get('email')}}. */
public class FieldErrors {
    private final Map<String, String> messages = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean any() {
        return !messages.isEmpty();
    }
}
