package io.seatwise.licensing.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;

/**
 * Plans of one exclusion group cannot be enabled together for a user, counting the products the user already has.
 * Only conflicts the change brings about are reported, one per group: the plan the change brings, the plan it
 * conflicts with, the products each comes from, and what resolves it.
 */
final class NoMutuallyExclusivePlans implements LicensePolicy {

    @Override
    public List<LicenseFailure> check(ProposedChange change) {
        Set<ServicePlanId> before = change.enabledBefore();
        Map<Integer, List<ServicePlanId>> byGroup = new HashMap<>();
        for (ServicePlanId plan : change.enabledAfter()) {
            for (Integer group : change.rules().exclusionGroups(plan)) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(plan);
            }
        }
        List<LicenseFailure> failures = new ArrayList<>();
        new TreeSet<>(byGroup.keySet()).forEach(group -> {
            List<ServicePlanId> plans = byGroup.get(group);
            List<ServicePlanId> fresh = plans.stream().filter(p -> !before.contains(p)).sorted().toList();
            if (plans.size() > 1 && !fresh.isEmpty()) {
                ServicePlanId newcomer = fresh.get(0);
                ServicePlanId other = plans.stream().filter(p -> !p.equals(newcomer)).sorted().findFirst().orElseThrow();
                failures.add(failure(change, newcomer, other));
            }
        });
        return failures;
    }

    private static LicenseFailure failure(ProposedChange change, ServicePlanId newcomer, ServicePlanId other) {
        CatalogRules rules = change.rules();
        SkuId product = change.productOf(newcomer);
        SkuId otherProduct = change.productOf(other);
        String message;
        if (Objects.equals(product, otherProduct)) {
            message = rules.planFriendlyName(newcomer) + " conflicts with " + rules.planFriendlyName(other)
                    + ", both in " + rules.productName(product) + ": switch one of the two plans off";
        } else {
            boolean had = change.user().has(otherProduct) && !change.removed().contains(otherProduct);
            message = rules.planFriendlyName(newcomer) + " in " + rules.productName(product) + " conflicts with "
                    + rules.planFriendlyName(other) + " in " + rules.productName(otherProduct)
                    + (had ? ", which the user has" : ", which the user gets in this change")
                    + ": switch one of the two plans off";
        }
        List<SkuId> products = Stream.of(product, otherProduct).filter(Objects::nonNull).toList();
        return ErrorCode.MutuallyExclusiveViolation.failure(product, message, List.of(newcomer, other), products);
    }
}
