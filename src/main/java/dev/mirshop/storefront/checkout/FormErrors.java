package dev.mirshop.storefront.checkout;

import java.util.LinkedHashMap;
import java.util.Map;

/** Messages of a form, by field name, shown next to each field. */
public class FormErrors {
    private final Map<String, String> messages = new LinkedHashMap<>();

    public void add(String field, String message) {
        messages.putIfAbsent(field, message);
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

    public int count() {
        return messages.size();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(messages);
    }
}
