package io.seatwise.licensing.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;

/**
 * An enabled plan that needs another needs one of its required plans enabled too: reported when the change enables
 * such a plan without its requirement, or takes away the requirement of a plan the user keeps. The failure names
 * the plan, its product and the plans it needs (and, when the change takes them away, the product they came with).
 */
final class PlanDependenciesMet implements LicensePolicy {

    @Override
    public List<LicenseFailure> check(ProposedChange change) {
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
        }).map(plan -> failure(change, plan)).toList();
    }

    private static LicenseFailure failure(ProposedChange change, ServicePlanId plan) {
        CatalogRules rules = change.rules();
        SkuId product = change.productOf(plan);
        List<ServicePlanId> required = change.rules().requiredAnyOf(plan).stream()
                .sorted(Comparator.comparing(rules::planFriendlyName).thenComparing(Comparator.naturalOrder()))
                .toList();
        SkuId lostWith = required.stream().filter(change.enabledBefore()::contains).map(change::productBefore)
                .filter(Objects::nonNull).findFirst().orElse(null);
        String needs = required.stream().map(rules::planFriendlyName).collect(Collectors.joining(" or "));
        String message = rules.planFriendlyName(plan) + " in " + rules.productName(product) + " needs " + needs
                + (lostWith == null
                        ? ", which the user does not have: assign a product with it in the same change"
                        : ", which the user loses with " + rules.productName(lostWith) + ": keep it, or take "
                                + rules.productName(product) + " away too");
        List<ServicePlanId> plans = new ArrayList<>(List.of(plan));
        plans.addAll(required);
        List<SkuId> products = Stream.of(product, lostWith).filter(Objects::nonNull).toList();
        return ErrorCode.DependencyViolation.failure(product, message, plans, products);
    }
}
