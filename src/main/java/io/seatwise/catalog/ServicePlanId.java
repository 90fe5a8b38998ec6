package io.seatwise.catalog;

import java.util.Objects;
import java.util.UUID;

/** A service plan's GUID. */
public record ServicePlanId(UUID value) {

    public ServicePlanId {
        Objects.requireNonNull(value, "servicePlanId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
