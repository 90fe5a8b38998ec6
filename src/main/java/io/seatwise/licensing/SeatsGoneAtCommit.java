package io.seatwise.licensing;

import org.springframework.modulith.NamedInterface;

/**
 * Thrown by the commit of a transaction that used {@link BestEffortChanges#applyAtCommit}: the seats its users
 * were given were taken by others meanwhile, so the transaction was rolled back as a whole. The caller runs its work
 * again with {@link BestEffortChanges#apply}, which decides who gets a seat under the seat pools' locks.
 */
@NamedInterface("api")
public class SeatsGoneAtCommit extends RuntimeException {

    public SeatsGoneAtCommit(String message) {
        super(message);
    }
}
