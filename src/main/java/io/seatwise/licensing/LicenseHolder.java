package io.seatwise.licensing;

import java.util.List;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.users.UserId;

/** A selected user holding a product, as the Assigned popover lists them, with its disabled plans. */
public record LicenseHolder(UserId userId, String userPrincipalName, String displayName,
        List<ServicePlanId> disabledPlans) {
}
