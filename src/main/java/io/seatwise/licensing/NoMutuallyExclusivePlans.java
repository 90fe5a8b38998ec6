package io.seatwise.licensing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.seatwise.catalog.ServicePlanId;

/**
 * Plans of one exclusion group cannot be enabled together for a user, counting the products the user already has.
 * Only conflicts the change brings about are reported.
 */
final class NoMutuallyExclusivePlans implements LicensePolicy {

    @Override
    public List<Violation> check(ProposedChange change) {
        Set<ServicePlanId> before = change.enabledBefore();
        Map<Integer, List<ServicePlanId>> byGroup = new HashMap<>();
        for (ServicePlanId plan : change.enabledAfter()) {
            for (Integer group : change.rules().exclusionGroups(plan)) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(plan);
            }
        }
        List<Violation> violations = new ArrayList<>();
        new TreeSet<>(byGroup.keySet()).forEach(group -> {
            List<ServicePlanId> plans = byGroup.get(group);
            List<ServicePlanId> fresh = plans.stream().filter(p -> !before.contains(p)).sorted().toList();
            if (plans.size() > 1 && !fresh.isEmpty()) {
                ServicePlanId newcomer = fresh.get(0);
                ServicePlanId other = plans.stream().filter(p -> !p.equals(newcomer)).sorted().findFirst().orElseThrow();
                violations.add(new Violation(ErrorCode.MutuallyExclusiveViolation, change.productOf(newcomer),
                        "service plan " + change.rules().planName(newcomer) + " cannot be enabled together with "
                                + change.rules().planName(other)));
            }
        });
        return violations;
    }
}
