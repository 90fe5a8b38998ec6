package io.seatwise.licensing;

import java.util.UUID;

import io.seatwise.customers.CustomerId;
import org.springframework.modulith.NamedInterface;

/** What the licensing module tells the rest of the application. */
@NamedInterface("api")
public final class LicensingEvents {

    private LicensingEvents() {
    }

    /** A license change (or its undo) was applied: one event per change, with counts, not one per user. */
    @NamedInterface("api")
    public record LicensesChanged(CustomerId customerId, UUID changeId, String kind, int selected, int succeeded,
            int failed, java.util.List<ProductCount> products) {
    }

    /** Seats of one product a license change took ({@code assigned}) and gave back ({@code freed}). */
    @NamedInterface("api")
    public record ProductCount(io.seatwise.catalog.SkuId skuId, String skuPartNumber, int assigned, int freed) {
    }
}
