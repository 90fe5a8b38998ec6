package io.seatwise.licensing;

import java.util.List;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.SkuId;
import io.seatwise.users.UserId;

/** One user's line of a stored change: its outcome and the licenses it has now. */
public record UserResult(UserId userId, String userPrincipalName, String displayName, boolean succeeded,
        List<LicenseFailure> errors, List<SkuId> licenses) {
}
