package io.seatwise.catalog;

import java.util.List;

/**
 * Why a license change, assignment or restore failed for one user: the one shape every module reports it in (the
 * licensing engine's outcomes and stored results, the users module's license port and restores, the licensing
 * API's JSON).
 *
 * <p>It lives in the catalog because everything it names is catalog vocabulary (products, service plans,
 * Microsoft's licensing error codes) and because the catalog sits below every module that reports such a failure:
 * users (with its CSV import) and licensing both depend on it already. Licensing depends on users, so a type in
 * licensing could not be used by users, and a type in users would make licensing's own outcomes a users type.
 *
 * @param code Microsoft's error code ({@code CountViolation}, {@code MutuallyExclusiveViolation},
 *        {@code DependencyViolation}, {@code UsageLocationMissing}…; a restore also {@code UserNameConflict}…)
 * @param skuId the product the failure is about, or null when it is about the user as a whole
 * @param message a readable reason in English, naming the plans and products concerned
 * @param servicePlans the service plans concerned, in the order the message names them (a conflict: the plan the
 *        change brings, then the plan it conflicts with; a dependency: the plan, then the plans it needs); empty
 *        when no plan is concerned
 * @param products the products concerned: a conflict, the product of each of its two plans (the same twice when
 *        one product holds both); a dependency, the plan's product, then the product the change takes the needed
 *        plan away with, if it does; otherwise the product of {@code skuId}, or none
 */
public record LicenseFailure(String code, SkuId skuId, String message, List<ServicePlanId> servicePlans,
        List<SkuId> products) {

    public LicenseFailure {
        servicePlans = servicePlans == null ? List.of() : List.copyOf(servicePlans);
        products = products == null ? List.of() : List.copyOf(products);
    }

    /** A failure that concerns no service plan: the product alone (or none). */
    public LicenseFailure(String code, SkuId skuId, String message) {
        this(code, skuId, message, List.of(), skuId == null ? List.of() : List.of(skuId));
    }
}
