package io.seatwise.licensing.engine;

import java.util.Collection;
import java.util.List;

import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.ProductSeats;
import io.seatwise.licensing.UserOutcome;

/**
 * How a run accounts for seats: {@link StrictSeatLedger} (a user's change: too few seats for the whole change
 * refuse it), {@link BestEffortSeatLedger} (undo, licenses of new users: users take seats while they last, the
 * others fail alone) or {@link OptimisticSeatLedger} (a few users only gaining products: seats taken at the end).
 */
sealed interface SeatLedger permits StrictSeatLedger, BestEffortSeatLedger, OptimisticSeatLedger {

    /** Locks the seat pools of the products in sku order (not when previewing); see {@link SeatBook#lock}. */
    void lock(Collection<SkuId> products);

    /** A group of users with one spec begins. */
    void startGroup(LicenseChangeSpec spec);

    /** A user's evaluated outcome with its seats claimed, or its failure when no seat is left for it. */
    UserOutcome claim(UserOutcome outcome);

    /**
     * Counts the seats of a chunk's succeeded users; answers whether the chunk may be written (false once a strict
     * run found too few seats: the rest is only counted, for the refusal's numbers).
     */
    boolean admit(ChunkChanges changes);

    /** A group of users ends; a strict run that needs more seats than are free is refused here. */
    void endGroup(LicenseChangeSpec spec);

    /**
     * The run's users are written: seats not taken yet are taken now ({@link OptimisticSeatLedger}); the others
     * took them with each chunk, under the pools' locks.
     */
    default void settle() {
    }

    /** Whether the chunks' writes leave taking the seats to {@link #settle} (and must insert exactly their users). */
    default boolean takesLate() {
        return false;
    }

    /** Seats of the products, with what the run needs and frees of each. */
    List<ProductSeats> products(List<SkuId> products);
}
