package io.seatwise.audit;

import java.util.UUID;

/** Filters of the activity log; null means any. */
public record ActivityQuery(UUID customerId, String actor, String action, String text) {
}
