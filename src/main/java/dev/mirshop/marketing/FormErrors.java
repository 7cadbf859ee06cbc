package dev.mirshop.marketing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Validation messages by form field, shown next to their fields: {@code {errors.get('name')}}. */
public class FormErrors {
    private final Map<String, String> messages = new LinkedHashMap<>();
    private String general;

    public FormErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public boolean any() {
        return !messages.isEmpty() || general != null;
    }

    /** A message about the whole form (e.g. from the service, without a field). */
    public String general() {
        return general;
    }

    public FormErrors general(String message) {
        this.general = message;
        return this;
    }

    public Map<String, String> all() {
        return messages;
    }
}
