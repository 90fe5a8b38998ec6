package io.seatwise.licensing.rules;

import java.util.ArrayList;
import java.util.List;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.UserOutcome;

/**
 * Runs the licensing policies on one user's proposed change. A user's change applies entirely or not at all, so
 * any failure fails the whole change for that user. A user that does not exist (or is deleted) gets only that
 * failure; a Global admin a User management admin may not change gets only that one; otherwise every rule's
 * failures are reported together. Preview and apply share this code.
 */
public final class UserChangeEvaluator {

    private static final LicensePolicy EXISTS = new UserExists();
    private static final LicensePolicy NOT_A_GLOBAL_ADMIN = new GlobalAdminsNotForUserAdmins();
    private static final List<LicensePolicy> RULES = List.of(new UsageLocationPresent(),
            new OfferedInUsageLocation(), new PlanDependenciesMet(), new NoMutuallyExclusivePlans());

    private UserChangeEvaluator() {
    }

    /** The outcome of {@code spec} for {@code user}, asked for by {@code actor}, under the catalog's rules. */
    public static UserOutcome evaluate(UserLicenseState user, LicenseChangeSpec spec, CatalogRules rules,
            Actor actor) {
        ProposedChange change = new ProposedChange(user, spec, rules, actor);
        List<LicenseFailure> errors = new ArrayList<>(EXISTS.check(change));
        if (errors.isEmpty()) {
            errors.addAll(NOT_A_GLOBAL_ADMIN.check(change));
        }
        if (errors.isEmpty()) {
            RULES.forEach(policy -> errors.addAll(policy.check(change)));
        }
        if (!errors.isEmpty()) {
            return UserOutcome.failed(user.userId(), errors);
        }
        return new UserOutcome(user.userId(), List.of(), change.added(), change.removed(), change.replanned());
    }
}
