package io.seatwise.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of the activity log; null means any. {@code from} is inclusive, {@code to} exclusive. */
public record ActivityQuery(UUID customerId, String actor, String action, String text, Instant from, Instant to) {

    public ActivityQuery(UUID customerId, String actor, String action, String text) {
        this(customerId, actor, action, text, null, null);
    }
}
