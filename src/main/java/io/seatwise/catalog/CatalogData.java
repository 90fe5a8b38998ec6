package io.seatwise.catalog;

import java.util.List;
import java.util.Map;

/** A parsed, validated catalog with its rules, ready to store. */
record CatalogData(List<Product> products, Map<ServicePlanId, ServicePlan> plans, List<ProductPlan> productPlans,
        List<Exclusion> exclusions, List<Dependency> dependencies, List<CountryRule> countryRules) {

    record ProductPlan(SkuId skuId, ServicePlan plan) {
    }

    record Exclusion(int group, ServicePlanId planId, String service) {
    }

    record Dependency(ServicePlanId planId, ServicePlanId requiredPlanId, String source) {
    }

    record CountryRule(SkuId skuId, String country, boolean offered, String source) {
    }
}
