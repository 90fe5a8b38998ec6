package io.seatwise.licensing.engine;

import java.util.UUID;

import io.micrometer.observation.ObservationRegistry;
import io.seatwise.catalog.CatalogRules;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.persistence.AssignmentWriter;
import io.seatwise.licensing.persistence.ChangeLog;
import io.seatwise.licensing.persistence.OutcomeRows;
import io.seatwise.licensing.persistence.SeatPools;
import io.seatwise.licensing.persistence.SelectionReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs license changes: evaluates every selected user with the rules, a chunk at a time, then applies the change
 * set-based, one statement per product ({@link EngineRun}). A preview runs the same evaluation and stops before
 * writing. Strict runs refuse a change short of seats as a whole; best-effort runs fail single users.
 */
@Component
public class LicenseEngine {

    /** Users per chunk of a run. */
    public static final int CHUNK = 20_000;
    /** Explicit ids per lookup: well inside H2's array limit of 65,536 elements. */
    public static final int ID_CHUNK = 20_000;
    /** Per-user outcomes a run's result holds; the rest are read in pages from the stored change. */
    public static final int RESULT_LIMIT = 1000;
    /** Explicit users an optimistic run ({@link #optimistic}) is for. */
    public static final int OPTIMISTIC_USERS = 100;

    private final EngineParts parts;

    LicenseEngine(SeatPools pools, SelectionReader reader, AssignmentWriter writer, OutcomeRows outcomes,
            ChangeLog changeLog, ObjectProvider<ObservationRegistry> observations) {
        this.parts = new EngineParts(pools, reader, writer, outcomes, changeLog,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** A run that only evaluates: it locks nothing, writes nothing, and reports shortfalls without refusing. */
    public EngineRun preview(CustomerId customer, CatalogRules rules) {
        return new EngineRun(parts, customer, null, rules, EngineRun.Mode.STRICT);
    }

    /** A user's change: too few seats of any product refuse it as a whole. */
    public EngineRun strict(CustomerId customer, UUID changeId, CatalogRules rules) {
        return new EngineRun(parts, customer, changeId, rules, EngineRun.Mode.STRICT);
    }

    /** An undo, or new users' licenses: users take seats while they last; the others fail alone. */
    public EngineRun bestEffort(CustomerId customer, UUID changeId, CatalogRules rules) {
        return new EngineRun(parts, customer, changeId, rules, EngineRun.Mode.BEST_EFFORT);
    }

    /**
     * A best-effort run for at most {@link #OPTIMISTIC_USERS} users that only gain products (a provisioned user's
     * licenses): read, evaluated and written without locking the seat pools, the seats taken at the end by one
     * conditional update per product, so the pools are locked only from there to commit. It throws
     * {@link SeatsContended} when it cannot be done so; the caller must run it inside a savepoint, roll back to it
     * and run the change as {@link #bestEffort} (which locks first and decides every case as always).
     */
    public EngineRun optimistic(CustomerId customer, UUID changeId, CatalogRules rules) {
        return new EngineRun(parts, customer, changeId, rules, EngineRun.Mode.OPTIMISTIC);
    }

    /**
     * As {@link #optimistic}, the seats taken only as the transaction commits ({@link SeatsAtCommit}): its commit
     * fails with {@link io.seatwise.licensing.SeatsGoneAtCommit} when they are gone by then, and the caller must run
     * its whole transaction again.
     */
    public EngineRun optimisticAtCommit(CustomerId customer, UUID changeId, CatalogRules rules) {
        return new EngineRun(parts, customer, changeId, rules, EngineRun.Mode.OPTIMISTIC_AT_COMMIT);
    }
}
