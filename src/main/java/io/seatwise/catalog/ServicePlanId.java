package io.seatwise.catalog;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** A service plan's GUID. */
public record ServicePlanId(@JsonValue UUID value) implements Comparable<ServicePlanId> {

    public ServicePlanId {
        Objects.requireNonNull(value, "servicePlanId");
    }

    @Override
    public int compareTo(ServicePlanId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
