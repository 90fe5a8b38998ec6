package io.seatwise.licensing;

import java.util.Map;
import java.util.Set;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.users.UserId;

/**
 * What the engine knows of one selected user: whether it exists or is deleted, its usage location, and its active
 * licenses (with disabled plans) for the products that matter to the change at hand.
 */
public record UserLicenseState(UserId userId, boolean exists, boolean deleted, String usageLocation,
        Map<SkuId, Set<ServicePlanId>> licenses, boolean globalAdmin) {

    public UserLicenseState(UserId userId, boolean exists, boolean deleted, String usageLocation,
            Map<SkuId, Set<ServicePlanId>> licenses) {
        this(userId, exists, deleted, usageLocation, licenses, false);
    }

    public static UserLicenseState missing(UserId id) {
        return new UserLicenseState(id, false, false, null, Map.of());
    }

    public boolean has(SkuId sku) {
        return licenses.containsKey(sku);
    }
}
