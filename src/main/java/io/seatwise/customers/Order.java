package io.seatwise.customers;

import java.time.Instant;
import java.util.UUID;

import io.seatwise.catalog.SkuId;

/** A change of a subscription's seat count: who, when, how many. */
public record Order(UUID id, CustomerId customerId, SkuId skuId, int quantityChange, int previousQuantity,
        int newQuantity, String orderedBy, Instant orderedAt) {
}
