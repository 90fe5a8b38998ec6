package io.seatwise.audit;

import java.time.Instant;
import java.util.UUID;

/** One line of the activity log. */
public record ActivityEntry(UUID id, Instant occurredAt, String actor, UUID customerId, String action,
        String details) {
}
