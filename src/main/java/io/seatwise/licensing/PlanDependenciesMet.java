package io.seatwise.licensing;

import java.util.List;
import java.util.Set;

import io.seatwise.catalog.ServicePlanId;

/**
 * An enabled plan that needs another needs one of its required plans enabled too: reported when the change enables
 * such a plan without its requirement, or takes away the requirement of a plan the user keeps.
 */
final class PlanDependenciesMet implements LicensePolicy {

    @Override
    public List<Violation> check(ProposedChange change) {
        Set<ServicePlanId> before = change.enabledBefore();
        Set<ServicePlanId> after = change.enabledAfter();
        return after.stream().sorted().filter(plan -> {
            Set<ServicePlanId> required = change.rules().requiredAnyOf(plan);
            if (required.isEmpty() || required.stream().anyMatch(after::contains)) {
                return false;
            }
            boolean newlyEnabled = !before.contains(plan);
            boolean requirementTaken = required.stream().anyMatch(before::contains);
            return newlyEnabled || requirementTaken;
        }).map(plan -> new Violation(ErrorCode.DependencyViolation, change.productOf(plan),
                "service plan " + change.rules().planName(plan) + " needs one of "
                        + change.rules().requiredAnyOf(plan).stream().map(change.rules()::planName).sorted().toList()))
                .toList();
    }
}
