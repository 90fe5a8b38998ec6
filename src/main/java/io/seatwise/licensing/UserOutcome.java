package io.seatwise.licensing;

import java.util.List;
import java.util.Set;

import io.seatwise.catalog.SkuId;
import io.seatwise.users.UserId;

/** What a change does to one user: succeeded with the products it gains, loses and re-plans, or failed and why. */
public record UserOutcome(UserId userId, List<Violation> errors, Set<SkuId> added, Set<SkuId> removed,
        Set<SkuId> replanned) {

    public boolean succeeded() {
        return errors.isEmpty();
    }

    /** A failed outcome: the user's change breaks these rules, nothing of it applies. */
    public static UserOutcome failed(UserId userId, List<Violation> errors) {
        return new UserOutcome(userId, List.copyOf(errors), Set.of(), Set.of(), Set.of());
    }
}
