package io.seatwise.licensing.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.ProductSeats;
import io.seatwise.licensing.UserOutcome;

/**
 * A few users only gaining products (a provisioned user's licenses): nothing is locked while the users are read,
 * evaluated and written; the seats are taken at the end ({@link #settle}: at the end of the run, or as the
 * transaction commits, {@link SeatsAtCommit}), one conditional update per product in sku order, so a product's seat
 * pool is locked only from there to commit and one customer's provisioning requests do not queue behind each other's
 * whole run. Whatever it cannot decide without the locks throws
 * {@link SeatsContended} (the caller then runs the change as {@link BestEffortSeatLedger} does): a product with fewer
 * free seats as read than the users need, a user who would lose or re-plan a product, and a take that finds the
 * seats gone.
 */
final class OptimisticSeatLedger implements SeatLedger {

    private final SeatBook book;
    /** Takes the seats owed, per product in sku order (now, or as the transaction commits). */
    private final Consumer<Map<SkuId, Integer>> take;
    /** Seats still free per product as read at the start, counted down as users claim them. */
    private final Map<SkuId, Integer> remaining = new HashMap<>();
    /** Seats the written users took, per product, to be taken from the pools at the end. */
    private final Map<SkuId, Integer> owed = new TreeMap<>();

    OptimisticSeatLedger(SeatBook book, Consumer<Map<SkuId, Integer>> take) {
        this.book = book;
        this.take = take;
    }

    @Override
    public void lock(Collection<SkuId> products) {
        // Nothing is locked before the end: see settle().
    }

    @Override
    public void startGroup(LicenseChangeSpec spec) {
        if (!spec.remove().isEmpty()) {
            throw new SeatsContended("a removal frees seats: run locked");
        }
        book.startGroup();
        spec.assign().keySet().forEach(sku -> remaining.computeIfAbsent(sku, book::freeAsRead));
    }

    @Override
    public UserOutcome claim(UserOutcome outcome) {
        if (!outcome.succeeded()) {
            return outcome;
        }
        if (!outcome.removed().isEmpty() || !outcome.replanned().isEmpty()) {
            throw new SeatsContended("a user loses or re-plans a product: run locked");
        }
        for (SkuId sku : outcome.added()) {
            if (remaining.getOrDefault(sku, 0) < 1) {
                throw new SeatsContended("no free seat as read: run locked");
            }
        }
        outcome.added().forEach(sku -> remaining.merge(sku, -1, Integer::sum));
        return outcome;
    }

    @Override
    public boolean admit(ChunkChanges changes) {
        book.count(changes);
        changes.addedCounts().forEach((sku, n) -> owed.merge(sku, n, Integer::sum));
        return true;
    }

    @Override
    public void endGroup(LicenseChangeSpec spec) {
        // Users were only counted; the seats are taken at the end.
    }

    @Override
    public void settle() {
        take.accept(new TreeMap<>(owed));
        owed.clear();
    }

    @Override
    public boolean takesLate() {
        return true;
    }

    @Override
    public List<ProductSeats> products(List<SkuId> products) {
        return book.products(products);
    }
}
