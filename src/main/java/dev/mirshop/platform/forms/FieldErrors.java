package dev.mirshop.platform.forms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validation messages of a form by field name, shown next to each field ({@code {errors.get('email')}}), plus an
 * optional message about the whole form. The first message of a field wins.
 */
public class FieldErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();
    private String general;

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
        return messages.isEmpty() && general == null;
    }

    public boolean any() {
        return !isEmpty();
    }

    public int count() {
        return messages.size();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(messages);
    }

    /** A message about the whole form (e.g. from a service, without a field). */
    public String general() {
        return general;
    }

    public FieldErrors general(String message) {
        this.general = message;
        return this;
    }
}
