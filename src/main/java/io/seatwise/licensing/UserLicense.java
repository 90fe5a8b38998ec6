package io.seatwise.licensing;

import java.util.List;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;

/** A license a user has, with the service plans switched off in it. */
public record UserLicense(SkuId skuId, String skuPartNumber, String productName, List<ServicePlanId> disabledPlans) {
}
