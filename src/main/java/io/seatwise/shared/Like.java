package io.seatwise.shared;

import java.util.Locale;

/**
 * Text search with SQL {@code LIKE}: what a person types is matched literally, so {@code %} and {@code _} (common in
 * part numbers such as SPE_E3) are not wildcards. Use the pattern with {@code LIKE :p ESCAPE '\'}.
 */
public final class Like {

    private Like() {
    }

    /** A lower-case pattern that finds {@code text} anywhere in a value. */
    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }

    /** A lower-case pattern that finds values starting with {@code text} (an index range on a lower-case key). */
    public static String startingWith(String text) {
        return literal(text) + "%";
    }

    private static String literal(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
