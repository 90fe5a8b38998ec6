package io.seatwise.licensing.rules;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.users.UserId;

/**
 * Test data for the licensing rules, built in a line: a small catalog shaped like Microsoft's (Exchange plans that
 * exclude each other, a calling plan that needs a phone system, products sold only in some countries), users holding
 * some of its products, changes, and the rules' input put together.
 */
final class Build {

    static final ServicePlanId EXCHANGE_PLAN_2 = plan("EXCHANGE_S_ENTERPRISE");
    static final ServicePlanId EXCHANGE_PLAN_1 = plan("EXCHANGE_S_STANDARD");
    static final ServicePlanId TEAMS = plan("TEAMS1");
    static final ServicePlanId PHONE_SYSTEM = plan("MCOEV");
    static final ServicePlanId PHONE_VIRTUAL_USER = plan("MCOEV_VIRTUALUSER");
    static final ServicePlanId DOMESTIC_CALLING_PLAN = plan("MCOPSTN1");
    /** A plan in no rule. */
    static final ServicePlanId FORMS = plan("FORMS_PLAN_E3");

    /** Microsoft 365 E3: Exchange (Plan 2), Teams, Forms. */
    static final SkuId E3 = sku("SPE_E3");
    /** Exchange Online (Plan 1): only its Exchange plan, which excludes E3's. */
    static final SkuId EXCHANGE_1 = sku("EXCHANGESTANDARD");
    static final SkuId TEAMS_PHONE = sku("MCOEV");
    static final SkuId RESOURCE_ACCOUNT = sku("PHONESYSTEM_VIRTUALUSER");
    /** Domestic calling: its plan needs a phone system (Teams Phone or a resource account). */
    static final SkuId DOMESTIC_CALLING = sku("MCOPSTN1");
    /** A product whose two Exchange plans exclude each other. */
    static final SkuId BOTH_EXCHANGES = sku("EXCHANGE_BOTH");
    /** Sold only to users in the US. */
    static final SkuId US_ONLY = sku("US_ONLY_ADDON");

    private Build() {
    }

    static ServicePlanId plan(String name) {
        return new ServicePlanId(UUID.nameUUIDFromBytes(("plan:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    static SkuId sku(String partNumber) {
        return new SkuId(UUID.nameUUIDFromBytes(("sku:" + partNumber).getBytes(StandardCharsets.UTF_8)));
    }

    /** The small catalog every rule test uses, with Microsoft's names. */
    static CatalogRules catalog() {
        return new CatalogBuilder()
                .product(E3, "Microsoft 365 E3", EXCHANGE_PLAN_2, TEAMS, FORMS)
                .product(EXCHANGE_1, "Exchange Online (Plan 1)", EXCHANGE_PLAN_1)
                .product(TEAMS_PHONE, "Microsoft Teams Phone Standard", PHONE_SYSTEM)
                .product(RESOURCE_ACCOUNT, "Microsoft Teams Phone Resource Account", PHONE_VIRTUAL_USER)
                .product(DOMESTIC_CALLING, "Microsoft Teams Domestic Calling Plan", DOMESTIC_CALLING_PLAN)
                .product(BOTH_EXCHANGES, "Both Exchanges", EXCHANGE_PLAN_1, EXCHANGE_PLAN_2)
                .product(US_ONLY, "US-only add-on", FORMS)
                .planName(EXCHANGE_PLAN_2, "Exchange Online (Plan 2)").planName(EXCHANGE_PLAN_1, "Exchange Online (Plan 1)")
                .planName(TEAMS, "Microsoft Teams").planName(PHONE_SYSTEM, "Microsoft 365 Phone System")
                .planName(PHONE_VIRTUAL_USER, "Microsoft 365 Phone Standard Resource Account")
                .planName(DOMESTIC_CALLING_PLAN, "Domestic Calling Plan")
                .excludeEachOther(2, EXCHANGE_PLAN_1, EXCHANGE_PLAN_2)
                .requiresAnyOf(DOMESTIC_CALLING_PLAN, PHONE_SYSTEM, PHONE_VIRTUAL_USER)
                .offeredOnlyIn(US_ONLY, "US")
                .build();
    }

    static UserBuilder user() {
        return new UserBuilder();
    }

    static ChangeBuilder change() {
        return new ChangeBuilder();
    }

    /** A change assigning these products with all their plans. */
    static LicenseChangeSpec assign(SkuId... skus) {
        ChangeBuilder change = change();
        Arrays.stream(skus).forEach(change::assign);
        return change.build();
    }

    /** A change removing these products. */
    static LicenseChangeSpec remove(SkuId... skus) {
        ChangeBuilder change = change();
        Arrays.stream(skus).forEach(change::remove);
        return change.build();
    }

    /** The policies' input: the user's change under the catalog, asked for by an agent. */
    static ProposedChange proposed(UserLicenseState user, LicenseChangeSpec spec) {
        return proposed(user, spec, Actor.AGENT_OR_SYSTEM);
    }

    static ProposedChange proposed(UserLicenseState user, LicenseChangeSpec spec, Actor actor) {
        return new ProposedChange(user, spec, catalog(), actor);
    }

    /** A catalog's rules from products, plan names and rules. */
    static final class CatalogBuilder {

        private final Map<SkuId, Set<ServicePlanId>> plans = new HashMap<>();
        private final Map<ServicePlanId, Set<Integer>> groups = new HashMap<>();
        private final Map<ServicePlanId, Set<ServicePlanId>> required = new HashMap<>();
        private final Map<SkuId, Set<String>> only = new HashMap<>();
        private final Map<SkuId, Set<String>> not = new HashMap<>();
        private final Map<ServicePlanId, String> planNames = new HashMap<>();
        private final Map<SkuId, String> productNames = new HashMap<>();

        CatalogBuilder product(SkuId sku, String name, ServicePlanId... servicePlans) {
            plans.put(sku, Set.of(servicePlans));
            productNames.put(sku, name);
            return this;
        }

        CatalogBuilder planName(ServicePlanId plan, String friendlyName) {
            planNames.put(plan, friendlyName);
            return this;
        }

        CatalogBuilder excludeEachOther(int group, ServicePlanId... servicePlans) {
            Arrays.stream(servicePlans).forEach(p -> groups.computeIfAbsent(p, k -> new HashSet<>()).add(group));
            return this;
        }

        CatalogBuilder requiresAnyOf(ServicePlanId plan, ServicePlanId... anyOf) {
            required.put(plan, Set.of(anyOf));
            return this;
        }

        CatalogBuilder offeredOnlyIn(SkuId sku, String... countries) {
            only.put(sku, Set.of(countries));
            return this;
        }

        CatalogBuilder notOfferedIn(SkuId sku, String... countries) {
            not.put(sku, Set.of(countries));
            return this;
        }

        CatalogRules build() {
            return CatalogRules.of(plans, groups, required, only, not).named(planNames, productNames);
        }
    }

    /** A user in Sweden holding nothing, unless told otherwise. */
    static final class UserBuilder {

        private UserId id = new UserId(UUID.randomUUID());
        private boolean exists = true;
        private boolean deleted;
        private String location = "SE";
        private final Map<SkuId, Set<ServicePlanId>> licenses = new LinkedHashMap<>();
        private boolean globalAdmin;

        UserBuilder id(UserId userId) {
            this.id = userId;
            return this;
        }

        UserBuilder in(String country) {
            this.location = country;
            return this;
        }

        UserBuilder withoutLocation() {
            this.location = null;
            return this;
        }

        UserBuilder missing() {
            this.exists = false;
            return this;
        }

        UserBuilder deleted() {
            this.deleted = true;
            return this;
        }

        UserBuilder globalAdmin() {
            this.globalAdmin = true;
            return this;
        }

        /** Holds the product with these plans switched off. */
        UserBuilder holding(SkuId sku, ServicePlanId... disabled) {
            licenses.put(sku, Set.of(disabled));
            return this;
        }

        UserLicenseState build() {
            return exists ? new UserLicenseState(id, true, deleted, location, Map.copyOf(licenses), globalAdmin)
                    : UserLicenseState.missing(id);
        }
    }

    /** A change: products to assign (with plans switched off) and to remove. */
    static final class ChangeBuilder {

        private final Map<SkuId, Set<ServicePlanId>> assign = new LinkedHashMap<>();
        private final Set<SkuId> remove = new HashSet<>();

        ChangeBuilder assign(SkuId sku, ServicePlanId... disabled) {
            assign.put(sku, Set.of(disabled));
            return this;
        }

        ChangeBuilder remove(SkuId sku) {
            remove.add(sku);
            return this;
        }

        LicenseChangeSpec build() {
            return new LicenseChangeSpec(assign, remove);
        }
    }
}
