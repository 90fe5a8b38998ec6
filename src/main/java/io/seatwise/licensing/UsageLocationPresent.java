package io.seatwise.licensing;

import java.util.List;

/** A license can only be assigned to a user with a usage location. */
final class UsageLocationPresent implements LicensePolicy {

    @Override
    public List<Violation> check(ProposedChange change) {
        if (!change.added().isEmpty() && change.user().usageLocation() == null) {
            return List.of(new Violation(ErrorCode.UsageLocationMissing, change.added().iterator().next(),
                    "the user has no usage location"));
        }
        return List.of();
    }
}
