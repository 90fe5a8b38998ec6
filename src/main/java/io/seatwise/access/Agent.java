package io.seatwise.access;

import java.io.Serializable;
import java.time.Instant;

/** A partner agent (the partner's own staff); serialisable, as a console session in the database holds it. */
public record Agent(AgentId id, String email, String displayName, Role role, boolean enabled,
        boolean mustChangePassword, Instant createdAt) implements Serializable {
}
