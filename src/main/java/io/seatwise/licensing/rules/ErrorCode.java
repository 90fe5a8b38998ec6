package io.seatwise.licensing.rules;

import java.util.List;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;

/** Why a user's license change failed, in Microsoft's vocabulary: the codes the licensing engine reports. */
public enum ErrorCode {
    CountViolation,
    MutuallyExclusiveViolation,
    DependencyViolation,
    ProhibitedInUsageLocationViolation,
    UsageLocationMissing,
    UserNotFound,
    UserDeleted,
    /** A User management admin's change of a Global admin's licenses (product.md: "never on a Global admin"). */
    Forbidden;

    /** A failure of this code about a product (or none), concerning no service plan. */
    public LicenseFailure failure(SkuId skuId, String message) {
        return new LicenseFailure(name(), skuId, message);
    }

    /** A failure of this code naming the service plans concerned and the products they come from. */
    public LicenseFailure failure(SkuId skuId, String message, List<ServicePlanId> plans, List<SkuId> products) {
        return new LicenseFailure(name(), skuId, message, plans, products);
    }
}
