package io.seatwise.customers;

import java.time.Instant;

import io.seatwise.catalog.SkuId;

/** A customer's seat pool for one product. */
public record Subscription(CustomerId customerId, SkuId skuId, int quantity, int assigned, Instant createdAt) {

    public int available() {
        return quantity - assigned;
    }
}
