package io.seatwise.shared;

import java.text.Collator;
import java.util.Locale;

/**
 * Sort keys of names for H2 (db/vendor/h2/V10): a string whose plain, character by character order is the order
 * people expect of the names (PostgreSQL gets the same from the ICU collation {@code und-x-icu}): letters before
 * their accented forms, case after letter, Cyrillic in alphabet order with Ё beside Е, Latin before Cyrillic before
 * Chinese, not the order of the code points (where "Zoe" comes before "anna" and "Ёлкин" before "Анна").
 */
public final class SortKeys {

    /** Java's collation rules with Russian's tailoring: Unicode's order for Latin, and Ё placed for Cyrillic. */
    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("ru"));
        collator.setStrength(Collator.TERTIARY);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return collator;
    });

    private SortKeys() {
    }

    /**
     * The key of a name: each byte of its collation key as one character 1–256, so comparing two keys character
     * by character compares the collation keys byte by byte (unsigned). Null for null.
     */
    public static String of(String name) {
        if (name == null) {
            return null;
        }
        byte[] key = COLLATOR.get().getCollationKey(name).toByteArray();
        char[] chars = new char[key.length];
        for (int i = 0; i < key.length; i++) {
            chars[i] = (char) ((key[i] & 0xFF) + 1);
        }
        return new String(chars);
    }
}
