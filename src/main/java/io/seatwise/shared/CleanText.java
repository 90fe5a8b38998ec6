package io.seatwise.shared;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for text people give Seatwise (names, user names, emails, domains, customer, token and agent
 * names): no character that hides, reorders or breaks what the console, a CSV file or a log shows. Refused are
 * control characters (C0, DEL, C1: NUL, ESC, CR, LF, tab…), line and paragraph separators (U+2028, U+2029), the
 * bidirectional controls (Unicode's Bidi_Control: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069; the marks
 * as well as the overrides, since a single name needs none of them), the zero-width characters (U+200B–U+200D,
 * U+2060, U+FEFF) and unpaired surrogates. Names are kept in Unicode NFC, so that a decomposed "é" and a composed
 * one are the same name to search, sort and compare.
 */
public final class CleanText {

    /** The problem type ({@code urn:seatwise:problem:invalid-characters}) of a refused text. */
    public static final String PROBLEM = "invalid-characters";
    /** The longest file name an upload may have (as most file systems allow). */
    public static final int MAX_FILE_NAME = 255;

    /** The first refused character of a text: where (from 0, in UTF-16 units), which, and what kind it is. */
    public record Fault(int index, int codePoint, String kind) {

        /** The character as Unicode writes it, {@code U+202E}. */
        public String character() {
            return String.format("U+%04X", codePoint);
        }

        @Override
        public String toString() {
            return kind + " " + character() + " at position " + (index + 1);
        }
    }

    private CleanText() {
    }

    /** The first refused character of the text, if any. */
    public static Optional<Fault> fault(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            String kind = kind(c);
            if (kind != null) {
                return Optional.of(new Fault(i, c, kind));
            }
        }
        return Optional.empty();
    }

    /** Whether the text holds no refused character. */
    public static boolean isClean(String text) {
        return fault(text).isEmpty();
    }

    /** Refuses the text (a 400 {@value #PROBLEM} problem naming the field) when it holds a refused character. */
    public static String check(String text, String field) {
        fault(text).ifPresent(f -> {
            throw refusal(field, f);
        });
        return text;
    }

    /**
     * A name as stored: stripped of the blanks around it, checked, in NFC; null when nothing is left. Limits on
     * length are the caller's, on the value this returns.
     */
    public static String name(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return nfc(check(text.strip(), field));
    }

    /** The text in Unicode NFC (composed: "e" + U+0301 becomes "é"); null stays null. */
    public static String nfc(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The refusal of a text with this fault, for callers that check several things before throwing. */
    public static DomainException refusal(String field, Fault fault) {
        return new DomainException(DomainException.Kind.INVALID, PROBLEM, field, (field == null ? "the text" : field)
                + " contains a character that is not allowed: " + fault, Map.of("character", fault.character()));
    }

    /**
     * An uploaded file's name, as the browser or client sent it: refused (400 {@code invalid-file-name}, field
     * {@code file}) when it holds a refused character (NUL…) or is longer than {@value #MAX_FILE_NAME} characters.
     * A missing name is fine: the name is only shown and kept with an import.
     */
    public static String fileName(String name) {
        if (name == null) {
            return null;
        }
        Optional<Fault> fault = fault(name);
        if (fault.isPresent()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-file-name", "file",
                    "the file name contains a character that is not allowed: " + fault.get(),
                    Map.of("character", fault.get().character()));
        }
        if (name.length() > MAX_FILE_NAME) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-file-name", "file",
                    "the file name is longer than " + MAX_FILE_NAME + " characters (" + name.length() + ")",
                    Map.of("maxLength", MAX_FILE_NAME));
        }
        return name;
    }

    private static String kind(char c) {
        if (Character.getType(c) == Character.CONTROL) {
            return "control character";
        }
        if (c == '\u2028' || c == '\u2029') {
            return "line separator";
        }
        if (c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')) {
            return "bidirectional control";
        }
        if ((c >= '\u200b' && c <= '\u200d') || c == '\u2060' || c == '\ufeff') {
            return "zero-width character";
        }
        if (Character.isSurrogate(c)) {
            return "unpaired surrogate";
        }
        return null;
    }
}
