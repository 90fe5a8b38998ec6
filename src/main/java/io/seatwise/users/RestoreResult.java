package io.seatwise.users;

import java.util.List;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.SkuId;

/**
 * One user's restore: restored (with the licenses that came back and those that did not, and why) or failed
 * (UserNotFound, UserNotDeleted, UserNameConflict, RetentionExpired, Forbidden: a Global admin asked for by a
 * User management admin).
 */
public record RestoreResult(UserId userId, String userPrincipalName, boolean restored, List<SkuId> restoredLicenses,
        List<LicenseFailure> notRestored, List<LicenseFailure> errors) {

    static RestoreResult failed(UserId userId, String userPrincipalName, String code, String message) {
        return new RestoreResult(userId, userPrincipalName, false, List.of(), List.of(),
                List.of(new LicenseFailure(code, null, message)));
    }
}
