package io.seatwise.licensing.rules;

import java.util.List;

import io.seatwise.catalog.LicenseFailure;

/** A product can only be assigned where it is offered: the user's usage location. */
final class OfferedInUsageLocation implements LicensePolicy {

    @Override
    public List<LicenseFailure> check(ProposedChange change) {
        String location = change.user().usageLocation();
        if (location == null) {
            return List.of();
        }
        return change.added().stream().filter(sku -> !change.rules().offeredIn(sku, location))
                .map(sku -> ErrorCode.ProhibitedInUsageLocationViolation.failure(sku,
                        change.rules().partNumber(sku) + " is not offered in " + location))
                .toList();
    }
}
