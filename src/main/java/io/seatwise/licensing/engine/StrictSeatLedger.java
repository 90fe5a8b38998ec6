package io.seatwise.licensing.engine;

import java.util.Collection;
import java.util.List;

import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.InsufficientSeatsException;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.ProductSeats;
import io.seatwise.licensing.UserOutcome;

/**
 * A user's change: every user the rules allow is counted, and if the change needs more seats of any product than
 * are free, the whole change is refused ({@link InsufficientSeatsException}); nothing more is written once a chunk
 * shows it. A preview only reports the shortfall.
 */
final class StrictSeatLedger implements SeatLedger {

    private final SeatBook book;
    private boolean refused;

    StrictSeatLedger(SeatBook book) {
        this.book = book;
    }

    @Override
    public void lock(Collection<SkuId> products) {
        book.lock(products);
    }

    @Override
    public void startGroup(LicenseChangeSpec spec) {
        book.startGroup();
        refused = false;
    }

    @Override
    public UserOutcome claim(UserOutcome outcome) {
        return outcome;
    }

    @Override
    public boolean admit(ChunkChanges changes) {
        book.count(changes);
        if (!book.preview() && !refused) {
            refused = book.groupShort();
        }
        return !refused;
    }

    @Override
    public void endGroup(LicenseChangeSpec spec) {
        List<ProductSeats> shortOf = products(spec.products()).stream().filter(p -> p.shortfall() > 0).toList();
        if (!shortOf.isEmpty() && !book.preview()) {
            throw new InsufficientSeatsException(shortOf);
        }
    }

    @Override
    public List<ProductSeats> products(List<SkuId> products) {
        return book.products(products);
    }
}
