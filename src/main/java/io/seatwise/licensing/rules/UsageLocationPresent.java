package io.seatwise.licensing.rules;

import java.util.List;

import io.seatwise.catalog.LicenseFailure;

/** A license can only be assigned to a user with a usage location; removing or re-planning needs none. */
final class UsageLocationPresent implements LicensePolicy {

    @Override
    public List<LicenseFailure> check(ProposedChange change) {
        if (!change.added().isEmpty() && change.user().usageLocation() == null) {
            return List.of(ErrorCode.UsageLocationMissing.failure(change.added().iterator().next(),
                    "the user has no usage location"));
        }
        return List.of();
    }
}
