package io.seatwise.licensing.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.ProductSeats;
import io.seatwise.licensing.persistence.Seats;

/**
 * The seats a run knows of, shared by both {@link SeatLedger}s: the customer's pools as read at the start (and
 * again when locked), the free seats of each pool the run locked, and the seats the run needs and frees, in all
 * and in the current group of users.
 */
final class SeatBook {

    private final Function<SkuId, Seats> locker;
    private final boolean preview;
    private final CatalogRules rules;
    private final Map<SkuId, Seats> seats;
    private final Map<SkuId, Integer> lockedFree = new HashMap<>();
    private final Map<SkuId, Integer> needed = new HashMap<>();
    private final Map<SkuId, Integer> freed = new HashMap<>();
    private Map<SkuId, Integer> groupNeeded = new HashMap<>();

    /**
     * @param seats the customer's pools as read at the start (kept and updated here)
     * @param locker locks a product's pool until commit and answers its seats then
     */
    SeatBook(Map<SkuId, Seats> seats, Function<SkuId, Seats> locker, boolean preview, CatalogRules rules) {
        this.seats = new HashMap<>(seats);
        this.locker = locker;
        this.preview = preview;
        this.rules = rules;
    }

    boolean preview() {
        return preview;
    }

    CatalogRules rules() {
        return rules;
    }

    /** The products the customer subscribes to. */
    Collection<SkuId> subscribed() {
        return seats.keySet();
    }

    /**
     * Locks the seat pools of the products, in sku order, unless locked already or previewing: while they are held
     * no other change can add or remove these products, so what the run reads of them stays true until it commits.
     */
    void lock(Collection<SkuId> products) {
        if (preview) {
            return;
        }
        products.stream().distinct().sorted().filter(sku -> !lockedFree.containsKey(sku)).forEach(sku -> {
            Seats now = locker.apply(sku);
            seats.put(sku, now);
            lockedFree.put(sku, now.free());
        });
    }

    /** The free seats of a product: when locked, or, previewing, when read. */
    int free(SkuId sku) {
        return preview ? seats.getOrDefault(sku, Seats.NONE).free() : lockedFree.getOrDefault(sku, 0);
    }

    /** The free seats of a product as read at the start, locked or not. */
    int freeAsRead(SkuId sku) {
        return seats.getOrDefault(sku, Seats.NONE).free();
    }

    void startGroup() {
        groupNeeded = new HashMap<>();
    }

    /** Counts the seats a chunk's succeeded users take and give back. */
    void count(ChunkChanges changes) {
        changes.addedCounts().forEach((sku, n) -> {
            groupNeeded.merge(sku, n, Integer::sum);
            needed.merge(sku, n, Integer::sum);
        });
        changes.removedCounts().forEach((sku, n) -> freed.merge(sku, n, Integer::sum));
    }

    /** Whether the current group needs more seats of a product than were free when its pool was locked. */
    boolean groupShort() {
        return groupNeeded.entrySet().stream().anyMatch(e -> e.getValue() > lockedFree.getOrDefault(e.getKey(), 0));
    }

    /** Seats of the products in the run, in sku order. */
    List<ProductSeats> products(List<SkuId> products) {
        return products.stream().distinct().sorted().map(sku -> {
            Seats s = seats.getOrDefault(sku, Seats.NONE);
            return new ProductSeats(sku, rules.partNumber(sku), s.quantity(), s.free(), needed.getOrDefault(sku, 0),
                    freed.getOrDefault(sku, 0));
        }).toList();
    }
}
