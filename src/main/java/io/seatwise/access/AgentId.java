package io.seatwise.access;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import io.seatwise.shared.Ids;

/** A partner agent's id. */
public record AgentId(UUID value) implements Serializable {

    public AgentId {
        Objects.requireNonNull(value, "agentId");
    }

    public static AgentId generate() {
        return new AgentId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
