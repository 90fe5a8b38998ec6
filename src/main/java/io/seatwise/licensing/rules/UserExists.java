package io.seatwise.licensing.rules;

import java.util.List;

import io.seatwise.catalog.LicenseFailure;

/** Only existing, not deleted users can have licenses changed. */
final class UserExists implements LicensePolicy {

    @Override
    public List<LicenseFailure> check(ProposedChange change) {
        if (!change.user().exists()) {
            return List.of(ErrorCode.UserNotFound.failure(null, "the user does not exist"));
        }
        if (change.user().deleted()) {
            return List.of(ErrorCode.UserDeleted.failure(null, "the user is deleted"));
        }
        return List.of();
    }
}
