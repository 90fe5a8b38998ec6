package io.seatwise.imports;

import io.seatwise.customers.CustomerId;

/** Users were created in one go by an import: one event with counts (the activity log listens). */
public record UsersImported(CustomerId customerId, int created, int rejected, int licensed) {
}
