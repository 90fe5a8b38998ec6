package io.seatwise.shared;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Time-ordered (v7) UUIDs, so new rows land at the end of their indexes. */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }

    /**
     * Parses an id from a URL. Text that is no UUID cannot name anything, so it answers not-found like an id that
     * does not exist.
     */
    public static UUID parse(String text, String what) {
        return tryParse(text).orElseThrow(() -> DomainException.notFound(what));
    }

    /** Parses an id given as input (a body or a filter): text that is no UUID is a validation error on {@code field}. */
    public static UUID parseField(String text, String field) {
        return tryParse(text).orElseThrow(() -> DomainException.invalid("validation", field,
                "'" + text + "' is not a GUID"));
    }

    /** A UUID in its canonical 36-character form, or empty ({@link UUID#fromString} also takes "1-2-3-4-5"). */
    public static Optional<UUID> tryParse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return t.length() == 36 ? Optional.of(UUID.fromString(t)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
