package io.seatwise.catalog;

/** A service plan as included in one product. */
public record ServicePlan(ServicePlanId servicePlanId, String name, String friendlyName) {
}
