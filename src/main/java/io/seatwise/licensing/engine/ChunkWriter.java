package io.seatwise.licensing.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.InsufficientSeatsException;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.ProductSeats;
import io.seatwise.licensing.persistence.AssignmentWriter;
import io.seatwise.licensing.persistence.SeatPools;
import io.seatwise.licensing.persistence.Seats;
import org.springframework.dao.DuplicateKeyException;

/**
 * Writes a chunk's succeeded users set-based: per product one statement for the users who gain it (seats taken
 * first) or lose it. The seat pools are locked since the run started, so the users who gain a product are exactly
 * those who lacked it when read; an optimistic run's pools are not, and its inserts must find no row there.
 */
final class ChunkWriter {

    private final SeatPools pools;
    private final AssignmentWriter writer;
    private final CustomerId customer;
    private final UUID changeId;
    private final Instant now;
    private final CatalogRules rules;
    /** The seats are taken at the end of the run ({@link OptimisticSeatLedger}), and each insert must be exact. */
    private final boolean takesLate;

    ChunkWriter(EngineParts parts, CustomerId customer, UUID changeId, Instant now, CatalogRules rules,
            boolean takesLate) {
        this.pools = parts.pools();
        this.writer = parts.writer();
        this.customer = customer;
        this.changeId = changeId;
        this.now = now;
        this.rules = rules;
        this.takesLate = takesLate;
    }

    void write(LicenseChangeSpec spec, ChunkChanges changes) {
        for (SkuId sku : spec.products()) {
            if (spec.assign().containsKey(sku)) {
                assign(sku, spec.assign().get(sku), changes);
            } else {
                List<UUID> removed = changes.removed(sku);
                if (!removed.isEmpty()) {
                    writer.recordPrior(customer, changeId, sku, removed);
                    pools.release(customer, sku, writer.deleteAssignments(customer, sku, removed));
                }
            }
        }
    }

    private void assign(SkuId sku, Set<ServicePlanId> disabled, ChunkChanges changes) {
        List<UUID> added = changes.added(sku);
        List<UUID> holding = changes.holding(sku);
        List<UUID> replanned = changes.replanned(sku);
        if (!replanned.isEmpty()) {
            writer.recordPrior(customer, changeId, sku, replanned);
        }
        int n = added.size();
        if (n > 0 && takesLate) {
            insertExactly(sku, added);
        } else if (n > 0) {
            if (!pools.take(customer, sku, n)) {
                throw shortOf(sku, n);
            }
            adjust(sku, writer.insertAssignments(customer, changeId, sku, now, added) - n);
        }
        if (!disabled.isEmpty() || !replanned.isEmpty()) {
            List<UUID> all = new ArrayList<>(added);
            all.addAll(holding);
            writer.replaceDisabledPlans(customer, sku, disabled, holding, all);
        }
    }

    /** Without the pool's lock: a row already there means someone changed these users meanwhile. */
    private void insertExactly(SkuId sku, List<UUID> added) {
        try {
            writer.insertNewAssignments(customer, changeId, sku, now, added);
        } catch (DuplicateKeyException e) {
            throw new SeatsContended("a user gained the product meanwhile: run locked");
        }
    }

    /** Seats follow the rows actually written (a row the run did not expect was already there). */
    private void adjust(SkuId sku, int difference) {
        if (difference > 0 && !pools.take(customer, sku, difference)) {
            throw shortOf(sku, difference);
        } else if (difference < 0) {
            pools.release(customer, sku, -difference);
        }
    }

    private InsufficientSeatsException shortOf(SkuId sku, int n) {
        Seats now = pools.seats(customer).getOrDefault(sku, Seats.NONE);
        return new InsufficientSeatsException(List.of(new ProductSeats(sku, rules.partNumber(sku), now.quantity(),
                now.free(), n, 0)));
    }
}
