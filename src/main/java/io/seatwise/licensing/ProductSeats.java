package io.seatwise.licensing;

import io.seatwise.catalog.SkuId;

/** Seats of one product in a change: how many it needs and frees against what the subscription has free. */
public record ProductSeats(SkuId skuId, String skuPartNumber, int total, int available, int needed, int freed) {

    /** Seats missing for the change to go through; 0 when enough. */
    public int shortfall() {
        return Math.max(0, needed - available);
    }
}
