package io.seatwise.licensing.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.LicenseChangeSpec;

/** One user's licenses before and after a change, and who asks for it, as the policies see them. */
final class ProposedChange {

    private final UserLicenseState user;
    private final LicenseChangeSpec spec;
    private final CatalogRules rules;
    private final Actor actor;
    private final Map<SkuId, Set<ServicePlanId>> after = new HashMap<>();
    private final Set<SkuId> added = new LinkedHashSet<>();
    private final Set<SkuId> removed = new LinkedHashSet<>();
    private final Set<SkuId> replanned = new LinkedHashSet<>();
    private Set<ServicePlanId> enabledBefore;
    private Set<ServicePlanId> enabledAfter;

    ProposedChange(UserLicenseState user, LicenseChangeSpec spec, CatalogRules rules, Actor actor) {
        this.user = user;
        this.spec = spec;
        this.rules = rules;
        this.actor = actor;
        user.licenses().forEach((sku, disabled) -> {
            if (spec.remove().contains(sku)) {
                removed.add(sku);
            } else {
                after.put(sku, disabled);
            }
        });
        spec.assign().forEach((sku, disabled) -> {
            Set<ServicePlanId> before = user.licenses().get(sku);
            if (before == null) {
                added.add(sku);
            } else if (!before.equals(disabled)) {
                replanned.add(sku);
            }
            after.put(sku, disabled);
        });
    }

    UserLicenseState user() {
        return user;
    }

    LicenseChangeSpec spec() {
        return spec;
    }

    CatalogRules rules() {
        return rules;
    }

    /** Who asks for the change. */
    Actor actor() {
        return actor;
    }

    /** Products the user gets and did not have: each takes a seat. */
    Set<SkuId> added() {
        return added;
    }

    /** Products the user has and loses: each frees a seat. */
    Set<SkuId> removed() {
        return removed;
    }

    /** Products the user keeps with other disabled plans: no seat changes. */
    Set<SkuId> replanned() {
        return replanned;
    }

    boolean changesAnything() {
        return !added.isEmpty() || !removed.isEmpty() || !replanned.isEmpty();
    }

    Map<SkuId, Set<ServicePlanId>> after() {
        return after;
    }

    /**
     * Enabled plans before the change, only those that take part in a plan rule: the rules look at no other, and
     * this keeps the sets small for 100,000 users.
     */
    Set<ServicePlanId> enabledBefore() {
        if (enabledBefore == null) {
            enabledBefore = enabled(user.licenses());
        }
        return enabledBefore;
    }

    /** Enabled plans after the change, only those that take part in a plan rule. */
    Set<ServicePlanId> enabledAfter() {
        if (enabledAfter == null) {
            enabledAfter = enabled(after);
        }
        return enabledAfter;
    }

    /** The product that gives the user {@code plan} after the change (for messages), or null. */
    SkuId productOf(ServicePlanId plan) {
        return giving(after, plan);
    }

    /** The product that gave the user {@code plan} before the change (for messages), or null. */
    SkuId productBefore(ServicePlanId plan) {
        return giving(user.licenses(), plan);
    }

    /** The first product (in sku order) of these licenses with {@code plan} enabled, or null. */
    private SkuId giving(Map<SkuId, Set<ServicePlanId>> licenses, ServicePlanId plan) {
        return licenses.entrySet().stream()
                .filter(e -> rules.plansOf(e.getKey()).contains(plan) && !e.getValue().contains(plan))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    private Set<ServicePlanId> enabled(Map<SkuId, Set<ServicePlanId>> licenses) {
        Set<ServicePlanId> plans = new HashSet<>();
        licenses.forEach((sku, disabled) -> {
            for (ServicePlanId plan : rules.plansOf(sku)) {
                if (rules.ruled(plan) && !disabled.contains(plan)) {
                    plans.add(plan);
                }
            }
        });
        return plans;
    }
}
