package io.seatwise.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The details of a log line as structured data: named values (text, numbers, booleans, lists, nested objects),
 * stored as one JSON object and put in words only when read, in the reader's language.
 */
final class ActivityDetails {

    /** Longest text value kept: a log line records what happened, not a copy of an arbitrary input. */
    static final int MAX_TEXT = 300;
    /** Most list items kept (domains, products, changed fields). */
    static final int MAX_ITEMS = 50;

    private ActivityDetails() {
    }

    /** Details from name/value pairs, in order; null values are left out, ids become text. */
    static Map<String, Object> of(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object value = plain(pairs[i + 1]);
            if (value != null) {
                details.put((String) pairs[i], value);
            }
        }
        return details;
    }

    /** A value JSON can hold, bounded in size. */
    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object p = plain(v);
                if (p != null) {
                    copy.put(String.valueOf(k), p);
                }
            });
            return copy;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().limit(MAX_ITEMS).map(ActivityDetails::plain).toList();
        }
        String text = value instanceof UUID ? value.toString() : String.valueOf(value);
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
    }

    /** The values alone, as text for the "details contain" search: names, addresses, numbers, not field names. */
    static String searchText(Map<String, Object> details) {
        StringBuilder out = new StringBuilder();
        values(details, out);
        return out.toString().strip();
    }

    private static void values(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> values(v, out));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> values(v, out));
        } else if (value != null) {
            out.append(value).append(' ');
        }
    }
}
