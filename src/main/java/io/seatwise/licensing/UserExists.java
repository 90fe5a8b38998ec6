package io.seatwise.licensing;

import java.util.List;

/** Only existing, not deleted users can have licenses changed. */
final class UserExists implements LicensePolicy {

    @Override
    public List<Violation> check(ProposedChange change) {
        if (!change.user().exists()) {
            return List.of(new Violation(ErrorCode.UserNotFound, null, "the user does not exist"));
        }
        if (change.user().deleted()) {
            return List.of(new Violation(ErrorCode.UserDeleted, null, "the user is deleted"));
        }
        return List.of();
    }
}
