package io.seatwise.imports;

import io.seatwise.customers.CustomerId;
import org.springframework.modulith.NamedInterface;

/** Users were created in one go by an import: one event with counts (the activity log listens). */
@NamedInterface("events")
public record UsersImported(CustomerId customerId, int created, int rejected, int licensed) {
}
