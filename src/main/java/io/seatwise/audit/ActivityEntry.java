package io.seatwise.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One line of the activity log. {@code details} are structured (names to text, numbers, booleans, lists, objects);
 * the console puts them in words, the API hands them over as a JSON object.
 */
public record ActivityEntry(UUID id, Instant occurredAt, String actor, UUID customerId, String action,
        Map<String, Object> details) {
}
