package io.seatwise.licensing.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.SeatsGoneAtCommit;
import io.seatwise.licensing.persistence.SeatPools;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The seats a transaction's optimistic runs owe, taken just before it commits (customer and sku order, one
 * conditional update per product), so a pool's row is locked only while committing. Ordered first among the
 * transaction's synchronizations: its locks come before the users list's count ({@code UserListChanges}), as every
 * other writer takes them. A take that fails rolls the transaction back with {@link SeatsGoneAtCommit}. Seats owed
 * by work that was rolled back to a savepoint are forgotten with it.
 */
final class SeatsAtCommit implements TransactionSynchronization {

    private record Owed(UUID customer, SkuId sku, int seats) {
    }

    private final SeatPools pools;
    private final List<Owed> owed = new ArrayList<>();
    /** How many entries were owed when each savepoint seen was set. */
    private final Map<Object, Integer> marks = new IdentityHashMap<>();

    private SeatsAtCommit(SeatPools pools) {
        this.pools = pools;
    }

    /** Adds to what the current transaction owes (it must have one with synchronization). */
    static void owe(SeatPools pools, CustomerId customer, Map<SkuId, Integer> seats) {
        SeatsAtCommit at = null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof SeatsAtCommit found) {
                at = found;
            }
        }
        if (at == null) {
            at = new SeatsAtCommit(pools);
            TransactionSynchronizationManager.registerSynchronization(at);
        }
        for (Map.Entry<SkuId, Integer> e : seats.entrySet()) {
            at.owed.add(new Owed(customer.value(), e.getKey(), e.getValue()));
        }
    }

    @Override
    public void savepoint(Object savepoint) {
        marks.put(savepoint, owed.size());
    }

    /** A savepoint set before this was registered: everything owed came after it. */
    @Override
    public void savepointRollback(Object savepoint) {
        int keep = marks.getOrDefault(savepoint, 0);
        owed.subList(Math.min(keep, owed.size()), owed.size()).clear();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        Map<UUID, Map<SkuId, Integer>> all = new TreeMap<>();
        owed.forEach(o -> all.computeIfAbsent(o.customer(), c -> new TreeMap<>()).merge(o.sku(), o.seats(),
                Integer::sum));
        all.forEach((customer, seats) -> seats.forEach((sku, n) -> {
            if (n > 0 && !pools.take(new CustomerId(customer), sku, n)) {
                throw new SeatsGoneAtCommit("the seats of product " + sku + " were taken meanwhile");
            }
        }));
    }
}
