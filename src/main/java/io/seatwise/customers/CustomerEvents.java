package io.seatwise.customers;

import java.util.List;

import io.seatwise.catalog.SkuId;

/** What the customers module tells the rest of the application. */
public final class CustomerEvents {

    private CustomerEvents() {
    }

    /** A customer was created. */
    public record CustomerCreated(CustomerId customerId, String name, String country, List<String> domains) {
    }

    /** A subscription (seat pool) was added to a customer. */
    public record SubscriptionAdded(CustomerId customerId, SkuId skuId, String skuPartNumber, int quantity) {
    }

    /** A subscription's seat count changed by an order (Buy more, or a set quantity). */
    public record SeatsChanged(CustomerId customerId, SkuId skuId, String skuPartNumber, int previousQuantity,
            int newQuantity) {
    }
}
