package io.seatwise.licensing.engine;

/**
 * An optimistic run ({@link LicenseEngine#optimistic}) cannot finish without the seat locks: too few seats as read,
 * a user who would lose or re-plan a product, a row written meanwhile, or a seat taken by someone else first. The
 * caller rolls back to the savepoint it took before the run and runs the change again locked
 * ({@link LicenseEngine#bestEffort}), which decides these cases as always.
 */
public final class SeatsContended extends RuntimeException {

    SeatsContended(String reason) {
        super(reason, null, false, false);
    }
}
