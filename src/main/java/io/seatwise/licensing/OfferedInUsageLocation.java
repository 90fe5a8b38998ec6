package io.seatwise.licensing;

import java.util.List;

/** A product can only be assigned where it is offered: the user's usage location. */
final class OfferedInUsageLocation implements LicensePolicy {

    @Override
    public List<Violation> check(ProposedChange change) {
        String location = change.user().usageLocation();
        if (location == null) {
            return List.of();
        }
        return change.added().stream().filter(sku -> !change.rules().offeredIn(sku, location))
                .map(sku -> new Violation(ErrorCode.ProhibitedInUsageLocationViolation, sku,
                        change.rules().partNumber(sku) + " is not offered in " + location))
                .toList();
    }
}
