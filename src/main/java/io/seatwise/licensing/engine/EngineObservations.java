package io.seatwise.licensing.engine;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The engine's timings, as Micrometer observations (timers once a meter registry listens): a group of users
 * evaluated and applied ({@value #GROUP}), and within it the reading of users ({@value #LOAD}), the storing of their
 * outcomes ({@value #STORE}) and the writing of assignments ({@value #APPLY}), one observation per chunk.
 */
final class EngineObservations {

    static final String GROUP = "seatwise.licensing.group";
    static final String LOAD = "seatwise.licensing.load";
    static final String STORE = "seatwise.licensing.store";
    static final String APPLY = "seatwise.licensing.apply";

    private final ObservationRegistry registry;
    private final String seats;
    private final String preview;

    EngineObservations(ObservationRegistry registry, String seats, boolean preview) {
        this.registry = registry;
        this.seats = seats;
        this.preview = Boolean.toString(preview);
    }

    /** A group of users, observed from its first read to its last write. */
    void group(Runnable work) {
        create(GROUP).observe(work);
    }

    <T> T load(Supplier<T> read) {
        return create(LOAD).observe(read);
    }

    /** A read whose end the caller marks: users streamed by a reader that calls back once a chunk is in. */
    Observation startLoad() {
        return create(LOAD).start();
    }

    void store(Runnable write) {
        create(STORE).observe(write);
    }

    void apply(Runnable write) {
        create(APPLY).observe(write);
    }

    private Observation create(String name) {
        return Observation.createNotStarted(name, registry).lowCardinalityKeyValue("seats", seats)
                .lowCardinalityKeyValue("preview", preview);
    }
}
