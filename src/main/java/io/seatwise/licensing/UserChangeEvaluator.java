package io.seatwise.licensing;

import java.util.ArrayList;
import java.util.List;

import io.seatwise.catalog.CatalogRules;

/**
 * Runs the licensing policies on one user's proposed change. A user's change applies entirely or not at all, so
 * any violation fails the whole change for that user. Preview and apply share this code.
 */
final class UserChangeEvaluator {

    private static final LicensePolicy EXISTS = new UserExists();
    private static final LicensePolicy NOT_A_GLOBAL_ADMIN = new GlobalAdminsNotForUserAdmins();
    private static final List<LicensePolicy> RULES = List.of(new UsageLocationPresent(),
            new OfferedInUsageLocation(), new PlanDependenciesMet(), new NoMutuallyExclusivePlans());

    private UserChangeEvaluator() {
    }

    static UserOutcome evaluate(UserLicenseState user, LicenseChangeSpec spec, CatalogRules rules) {
        ProposedChange change = new ProposedChange(user, spec, rules);
        List<Violation> errors = new ArrayList<>(EXISTS.check(change));
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
