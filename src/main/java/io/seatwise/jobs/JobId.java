package io.seatwise.jobs;

import java.util.UUID;

/** A job's id. */
public record JobId(UUID value) {

    public JobId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
