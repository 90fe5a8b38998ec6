package io.seatwise.shared;

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
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw DomainException.notFound(what);
    }
}
