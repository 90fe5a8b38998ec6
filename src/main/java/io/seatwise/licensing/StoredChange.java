package io.seatwise.licensing;

import java.time.Instant;
import java.util.UUID;

/** A stored license change: the "Licenses updated" confirmation, retrievable later. */
public record StoredChange(UUID id, String kind, UUID undoOf, UUID undoneBy, String createdBy, Instant createdAt,
        String assignSpec, String removeSpec, int selected, int succeeded, int failed) {
}
