package io.seatwise.provisioning;

import java.time.Instant;
import java.util.UUID;

/** A provisioning token as listed: never its secret; {@code prefix} tells tokens apart. */
public record ScimToken(UUID id, String name, String prefix, String createdBy, Instant createdAt,
        Instant lastUsedAt, Instant revokedAt) {

    /** A new token with its secret, shown once. */
    public record Created(ScimToken info, String token) {
    }
}
