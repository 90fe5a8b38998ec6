package io.seatwise.access;

import java.time.Instant;

/** A partner agent (the partner's own staff). */
public record Agent(AgentId id, String email, String displayName, Role role, boolean enabled,
        boolean mustChangePassword, Instant createdAt) {
}
