package io.seatwise.shared;

import java.text.Collator;
import java.util.Locale;

/**
 * Sort keys of names for H2 (db/vendor/h2/V10, V12): a string whose plain, character by character order is the
 * order people expect of the names (PostgreSQL gets the same from its ICU collation {@code seatwise_names}):
 * letters before their accented forms, case after letter, Cyrillic in alphabet order with Ё beside Е, Chinese in
 * pinyin order (陈 Chen, 李 Li, 刘 Liu, 王 Wang, 张 Zhang), Latin before Cyrillic before Chinese — not the order of
 * the code points (where "Zoe" comes before "anna" and "Ёлкин" before "Анна").
 */
public final class SortKeys {

    /** Java's collation rules with Russian's tailoring: Unicode's order for Latin, and Ё placed for Cyrillic. */
    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("ru"));
        collator.setStrength(Collator.TERTIARY);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return collator;
    });

    /** Java's Chinese collation: Chinese characters in pinyin order. */
    private static final ThreadLocal<Collator> CHINESE = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        collator.setStrength(Collator.TERTIARY);
        return collator;
    });

    /** Put before the key of a name that starts with a Chinese character: above every character of other keys. */
    private static final char CHINESE_FIRST = (char) 0x200;

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
        String trimmed = name.strip();
        boolean chinese = !trimmed.isEmpty()
                && Character.UnicodeScript.of(trimmed.codePointAt(0)) == Character.UnicodeScript.HAN;
        byte[] key = (chinese ? CHINESE : COLLATOR).get().getCollationKey(name).toByteArray();
        int offset = chinese ? 1 : 0;
        char[] chars = new char[key.length + offset];
        if (chinese) {
            chars[0] = CHINESE_FIRST;
        }
        for (int i = 0; i < key.length; i++) {
            chars[i + offset] = (char) ((key[i] & 0xFF) + 1);
        }
        return new String(chars);
    }
}
