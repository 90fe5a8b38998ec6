package io.seatwise.licensing;

import java.util.List;
import java.util.Set;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.SkuId;
import io.seatwise.users.UserId;

/** What a change does to one user: succeeded with the products it gains, loses and re-plans, or failed and why. */
public record UserOutcome(UserId userId, List<LicenseFailure> errors, Set<SkuId> added, Set<SkuId> removed,
        Set<SkuId> replanned) {

    public boolean succeeded() {
        return errors.isEmpty();
    }

    /** Whether the change does anything to the user: it succeeds and gains, loses or re-plans a product. */
    public boolean changesSomething() {
        return succeeded() && !(added.isEmpty() && removed.isEmpty() && replanned.isEmpty());
    }

    /** A user the change fails, and why. */
    public static UserOutcome failed(UserId userId, List<LicenseFailure> errors) {
        return new UserOutcome(userId, List.copyOf(errors), Set.of(), Set.of(), Set.of());
    }
}
