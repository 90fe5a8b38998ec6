package io.seatwise.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of the catalog's licensing facts: which plans each product holds, which plans exclude each
 * other, which plans need another, and where products are offered. Plain Java, so licensing rules can use it
 * without touching the database.
 */
public final class CatalogRules {

    private final Map<SkuId, Set<ServicePlanId>> plansBySku;
    /** {@link #plansBySku} turned round: the products holding each plan. */
    private final Map<ServicePlanId, Set<SkuId>> skusByPlan;
    private final Map<ServicePlanId, Set<Integer>> groupsByPlan;
    private final Map<ServicePlanId, Set<ServicePlanId>> requiredByPlan;
    private final Map<SkuId, Set<String>> offeredOnlyIn;
    private final Map<SkuId, Set<String>> notOfferedIn;
    private final Map<ServicePlanId, String> planNames;
    private final Map<SkuId, String> partNumbers;
    private final Map<ServicePlanId, String> planFriendlyNames;
    private final Map<SkuId, String> productNames;
    private final Set<ServicePlanId> ruled;

    CatalogRules(Map<SkuId, Set<ServicePlanId>> plansBySku, Map<ServicePlanId, Set<Integer>> groupsByPlan,
            Map<ServicePlanId, Set<ServicePlanId>> requiredByPlan, Map<SkuId, Set<String>> offeredOnlyIn,
            Map<SkuId, Set<String>> notOfferedIn, Map<ServicePlanId, String> planNames,
            Map<SkuId, String> partNumbers, Map<ServicePlanId, String> planFriendlyNames,
            Map<SkuId, String> productNames) {
        this.planNames = Map.copyOf(planNames);
        this.partNumbers = Map.copyOf(partNumbers);
        this.planFriendlyNames = Map.copyOf(planFriendlyNames);
        this.productNames = Map.copyOf(productNames);
        this.plansBySku = copy(plansBySku);
        Map<ServicePlanId, Set<SkuId>> skus = new HashMap<>();
        plansBySku.forEach((sku, plans) -> plans.forEach(p -> skus.computeIfAbsent(p, k -> new HashSet<>()).add(sku)));
        this.skusByPlan = copy(skus);
        this.groupsByPlan = copy(groupsByPlan);
        this.requiredByPlan = copy(requiredByPlan);
        this.offeredOnlyIn = copy(offeredOnlyIn);
        this.notOfferedIn = copy(notOfferedIn);
        Set<ServicePlanId> all = new HashSet<>(groupsByPlan.keySet());
        all.addAll(requiredByPlan.keySet());
        requiredByPlan.values().forEach(all::addAll);
        this.ruled = Set.copyOf(all);
    }

    /** Builds rules from plain maps; for tests and for partners' rule sets. */
    public static CatalogRules of(Map<SkuId, Set<ServicePlanId>> plansBySku,
            Map<ServicePlanId, Set<Integer>> groupsByPlan, Map<ServicePlanId, Set<ServicePlanId>> requiredByPlan,
            Map<SkuId, Set<String>> offeredOnlyIn, Map<SkuId, Set<String>> notOfferedIn) {
        return new CatalogRules(plansBySku, groupsByPlan, requiredByPlan, offeredOnlyIn, notOfferedIn, Map.of(),
                Map.of(), Map.of(), Map.of());
    }

    /** These rules with readable names: plans' friendly names and products' names; for tests and partners. */
    public CatalogRules named(Map<ServicePlanId, String> planFriendlyNames, Map<SkuId, String> productNames) {
        return new CatalogRules(plansBySku, groupsByPlan, requiredByPlan, offeredOnlyIn, notOfferedIn, planNames,
                partNumbers, planFriendlyNames, productNames);
    }

    /** A plan's technical name, or its id when unknown. */
    public String planName(ServicePlanId plan) {
        return planNames.getOrDefault(plan, plan.toString());
    }

    /** A plan's friendly name as Microsoft writes it ("Exchange Online (Plan 2)"), else its technical name. */
    public String planFriendlyName(ServicePlanId plan) {
        String friendly = planFriendlyNames.get(plan);
        return friendly == null || friendly.isBlank() ? planName(plan) : friendly;
    }

    /** A product's name ("Microsoft 365 E3"), else its part number. */
    public String productName(SkuId sku) {
        String name = productNames.get(sku);
        return name == null || name.isBlank() ? partNumber(sku) : name;
    }

    /** A product's part number, or its id when unknown. */
    public String partNumber(SkuId sku) {
        return partNumbers.getOrDefault(sku, sku.toString());
    }

    private static <K, V> Map<K, Set<V>> copy(Map<K, Set<V>> map) {
        Map<K, Set<V>> result = new HashMap<>();
        map.forEach((k, v) -> result.put(k, Set.copyOf(v)));
        return Map.copyOf(result);
    }

    public Set<ServicePlanId> plansOf(SkuId sku) {
        return plansBySku.getOrDefault(sku, Set.of());
    }

    /** The exclusion groups a plan belongs to: two enabled plans sharing a group conflict. */
    public Set<Integer> exclusionGroups(ServicePlanId plan) {
        return groupsByPlan.getOrDefault(plan, Set.of());
    }

    /** Plans of which at least one must be enabled for {@code plan} to be enabled; empty when none is needed. */
    public Set<ServicePlanId> requiredAnyOf(ServicePlanId plan) {
        return requiredByPlan.getOrDefault(plan, Set.of());
    }

    /** Whether a plan takes part in any plan rule (exclusion or dependency, either side). */
    public boolean ruled(ServicePlanId plan) {
        return ruled.contains(plan);
    }

    /** Whether the product may be sold to a user whose usage location is {@code country}. */
    public boolean offeredIn(SkuId sku, String country) {
        Set<String> only = offeredOnlyIn.get(sku);
        if (only != null && !only.contains(country)) {
            return false;
        }
        Set<String> not = notOfferedIn.get(sku);
        return not == null || !not.contains(country);
    }

    /** Products holding any of the given plans. */
    public Set<SkuId> productsWithAny(Set<ServicePlanId> plans) {
        Set<SkuId> result = new HashSet<>();
        plans.forEach(p -> result.addAll(skusByPlan.getOrDefault(p, Set.of())));
        return result;
    }

    /** Plans sharing an exclusion group with any of the given plans. */
    public Set<ServicePlanId> exclusivePartners(Set<ServicePlanId> plans) {
        Set<Integer> groups = new HashSet<>();
        plans.forEach(p -> groups.addAll(exclusionGroups(p)));
        Set<ServicePlanId> result = new HashSet<>();
        groupsByPlan.forEach((plan, g) -> {
            if (g.stream().anyMatch(groups::contains)) {
                result.add(plan);
            }
        });
        return result;
    }

    /** Plans that need any of the given plans. */
    public Set<ServicePlanId> dependentsOf(Set<ServicePlanId> plans) {
        Set<ServicePlanId> result = new HashSet<>();
        requiredByPlan.forEach((plan, required) -> {
            if (required.stream().anyMatch(plans::contains)) {
                result.add(plan);
            }
        });
        return result;
    }
}
