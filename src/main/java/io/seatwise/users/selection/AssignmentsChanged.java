package io.seatwise.users.selection;

import io.seatwise.customers.CustomerId;

/**
 * License assignments of the customer's users were inserted, deleted, suspended or reactivated in the current
 * transaction. Published by the one writer of assignments; the users module handles it synchronously, in the same
 * transaction, so that the users list's cached filter counts ("licensed", "has product X") are counted afresh.
 */
public record AssignmentsChanged(CustomerId customerId) {
}
