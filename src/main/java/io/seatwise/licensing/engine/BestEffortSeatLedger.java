package io.seatwise.licensing.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.rules.ErrorCode;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.ProductSeats;
import io.seatwise.licensing.UserOutcome;

/**
 * Undo and the licenses of new users: users take the free seats in the run's order while they last; a user for
 * whom a product has no seat left fails alone ({@link ErrorCode#CountViolation}), the run goes on.
 */
final class BestEffortSeatLedger implements SeatLedger {

    private final SeatBook book;
    /** Seats still free per product, counted down as users claim them. */
    private final Map<SkuId, Integer> remaining = new HashMap<>();

    BestEffortSeatLedger(SeatBook book) {
        this.book = book;
    }

    @Override
    public void lock(Collection<SkuId> products) {
        book.lock(products);
    }

    @Override
    public void startGroup(LicenseChangeSpec spec) {
        book.startGroup();
        spec.assign().keySet().forEach(sku -> remaining.computeIfAbsent(sku, book::free));
    }

    @Override
    public UserOutcome claim(UserOutcome outcome) {
        if (!outcome.succeeded()) {
            return outcome;
        }
        for (SkuId sku : outcome.added()) {
            if (remaining.getOrDefault(sku, 0) < 1) {
                return UserOutcome.failed(outcome.userId(), List.of(ErrorCode.CountViolation.failure(sku,
                        "no free license of " + book.rules().partNumber(sku))));
            }
        }
        outcome.added().forEach(sku -> remaining.merge(sku, -1, Integer::sum));
        return outcome;
    }

    @Override
    public boolean admit(ChunkChanges changes) {
        book.count(changes);
        return true;
    }

    @Override
    public void endGroup(LicenseChangeSpec spec) {
        // Users without a seat failed one by one; nothing refuses the run.
    }

    @Override
    public List<ProductSeats> products(List<SkuId> products) {
        return book.products(products);
    }
}
