package io.seatwise.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the details of lines logged before V17 ({@code user=ida@x (id); reason=BadCredentialsException}) into the
 * structured form new lines store, so old lines are put in words like new ones. The old text is kept in the table
 * untouched: reading it costs little, rewriting a large log at start-up would not.
 */
final class LegacyDetails {

    /** {@code name (uuid)}: a user or product logged with its id. */
    private static final Pattern WITH_ID = Pattern.compile("^(.*) \\(([0-9a-fA-F-]{36})\\)$");
    /** {@code field before -> after}, a user edit or a seat count ({@code quantity 3 -> 5 (+2)}). */
    private static final Pattern CHANGE = Pattern.compile("^(\\w+) (.*) -> (.*?)$");
    /** {@code SPE_E3 +3/-0}: seats a license change took and freed. */
    private static final Pattern PRODUCT = Pattern.compile("^(.+) \\+(\\d+)/-(\\d+)$");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d{1,9}$");

    private LegacyDetails() {
    }

    static Map<String, Object> parse(String action, String text) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return details;
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String part : text.split("; ")) {
            int eq = part.indexOf('=');
            Matcher change = CHANGE.matcher(part);
            if (part.startsWith("products: ")) {
                details.put("products", products(part.substring("products: ".length())));
            } else if (eq > 0 && !part.substring(0, eq).contains(">")) {
                put(details, key(part.substring(0, eq)), part.substring(eq + 1));
            } else if ("subscription.seats-changed".equals(action) && change.matches()) {
                details.put("previous", number(change.group(2)));
                details.put("quantity", number(change.group(3).replaceAll(" \\(.*\\)$", "")));
            } else if (change.matches()) {
                changes.add(ActivityDetails.of("field", change.group(1), "before", nothing(change.group(2)),
                        "after", nothing(change.group(3))));
            } else if (!part.isBlank()) {
                // Text no rule reads stays as it was written, as one field.
                details.merge("text", part, (a, b) -> a + "; " + b);
            }
        }
        if (!changes.isEmpty()) {
            details.put("changes", changes);
        }
        return details;
    }

    private static void put(Map<String, Object> details, String key, String value) {
        Matcher withId = WITH_ID.matcher(value);
        switch (key) {
            case "user", "sku" -> {
                if (withId.matches()) {
                    details.put(key, withId.group(1));
                    details.put(key + "Id", withId.group(2));
                } else {
                    details.put(key, value);
                }
            }
            case "domains" -> details.put(key, Arrays.asList(value.split(",")));
            case "reason" -> details.put(key, SignInFailureReason.ofClassName(value));
            case "enabled" -> details.put(key, Boolean.parseBoolean(value));
            default -> details.put(key, number(value));
        }
    }

    /** {@code licenses not restored} → {@code licensesNotRestored}. */
    private static String key(String words) {
        String[] parts = words.strip().split(" +");
        StringBuilder key = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return key.toString();
    }

    private static List<Map<String, Object>> products(String text) {
        List<Map<String, Object>> products = new ArrayList<>();
        for (String item : text.split(", ")) {
            Matcher m = PRODUCT.matcher(item.strip());
            if (m.matches()) {
                products.add(ActivityDetails.of("sku", m.group(1), "assigned", number(m.group(2)),
                        "freed", number(m.group(3))));
            } else if (!item.isBlank()) {
                products.add(ActivityDetails.of("sku", item.strip()));
            }
        }
        return products;
    }

    private static Object number(String text) {
        String t = text.strip();
        return NUMBER.matcher(t).matches() ? Integer.valueOf(t) : t;
    }

    /** Edits were logged with Java's "null" for an empty value. */
    private static Object nothing(String text) {
        return "null".equals(text) ? null : text;
    }
}
