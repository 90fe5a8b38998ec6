package io.seatwise.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The messages of one form, by field; a message without a field is about the form as a whole. */
public final class FormErrors {

    private static final String GLOBAL = "";

    private final Map<String, String> messages;

    private FormErrors(Map<String, String> messages) {
        this.messages = Collections.unmodifiableMap(messages);
    }

    public static FormErrors none() {
        return new FormErrors(Map.of());
    }

    /** One message; a null field puts it on the whole form. */
    public static FormErrors of(String field, String message) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(field == null ? GLOBAL : field, message);
        return new FormErrors(map);
    }

    /** One message next to its field when the form has that field, else on the whole form. */
    public static FormErrors of(String field, Set<String> fields, String message) {
        return of(field != null && fields.contains(field) ? field : null, message);
    }

    /** These messages and one more; a null field puts it on the whole form. */
    public FormErrors with(String field, String message) {
        Map<String, String> map = new LinkedHashMap<>(messages);
        map.putIfAbsent(field == null ? GLOBAL : field, message);
        return new FormErrors(map);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    /** The message about the whole form, or null. */
    public String global() {
        return messages.get(GLOBAL);
    }
}
