package io.seatwise.licensing.rules;

import org.junit.jupiter.api.Test;

import static io.seatwise.licensing.rules.Build.DOMESTIC_CALLING;
import static io.seatwise.licensing.rules.Build.DOMESTIC_CALLING_PLAN;
import static io.seatwise.licensing.rules.Build.E3;
import static io.seatwise.licensing.rules.Build.PHONE_SYSTEM;
import static io.seatwise.licensing.rules.Build.PHONE_VIRTUAL_USER;
import static io.seatwise.licensing.rules.Build.RESOURCE_ACCOUNT;
import static io.seatwise.licensing.rules.Build.TEAMS_PHONE;
import static io.seatwise.licensing.rules.Build.assign;
import static io.seatwise.licensing.rules.Build.change;
import static io.seatwise.licensing.rules.Build.proposed;
import static io.seatwise.licensing.rules.Build.remove;
import static io.seatwise.licensing.rules.Build.user;
import static org.assertj.core.api.Assertions.assertThat;

class PlanDependenciesMetTests {

    private final PlanDependenciesMet policy = new PlanDependenciesMet();

    @Test
    void aPlanWithoutAnyOfItsRequiredPlansFailsNamingThem() {
        assertThat(policy.check(proposed(user().build(), assign(DOMESTIC_CALLING)))).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("DependencyViolation");
            assertThat(f.skuId()).isEqualTo(DOMESTIC_CALLING);
            // the plan first, then the plans it needs by name
            assertThat(f.servicePlans()).containsExactly(DOMESTIC_CALLING_PLAN, PHONE_VIRTUAL_USER, PHONE_SYSTEM);
            assertThat(f.products()).containsExactly(DOMESTIC_CALLING);
            assertThat(f.message()).isEqualTo("Domestic Calling Plan in Microsoft Teams Domestic Calling Plan needs "
                    + "Microsoft 365 Phone Standard Resource Account or Microsoft 365 Phone System, which the user "
                    + "does not have: assign a product with it in the same change");
        });
    }

    @Test
    void anyOneRequiredPlanSatisfiesItAlreadyHeldOrInTheSameChange() {
        assertThat(policy.check(proposed(user().build(), assign(DOMESTIC_CALLING, TEAMS_PHONE)))).isEmpty();
        assertThat(policy.check(proposed(user().holding(RESOURCE_ACCOUNT).build(), assign(DOMESTIC_CALLING))))
                .isEmpty();
    }

    @Test
    void aRequiredPlanSwitchedOffDoesNotCount() {
        assertThat(policy.check(proposed(user().build(),
                change().assign(TEAMS_PHONE, PHONE_SYSTEM).assign(DOMESTIC_CALLING).build())))
                .extracting(f -> f.code()).containsExactly("DependencyViolation");
    }

    @Test
    void takingAwayTheRequirementOfAKeptPlanFailsNamingWhatItCameWith() {
        var both = user().holding(TEAMS_PHONE).holding(DOMESTIC_CALLING).build();

        assertThat(policy.check(proposed(both, remove(TEAMS_PHONE)))).singleElement().satisfies(f -> {
            assertThat(f.skuId()).isEqualTo(DOMESTIC_CALLING);
            assertThat(f.servicePlans()).containsExactly(DOMESTIC_CALLING_PLAN, PHONE_VIRTUAL_USER, PHONE_SYSTEM);
            assertThat(f.products()).containsExactly(DOMESTIC_CALLING, TEAMS_PHONE);
            assertThat(f.message()).endsWith("which the user loses with Microsoft Teams Phone Standard: keep it, or "
                    + "take Microsoft Teams Domestic Calling Plan away too");
        });
        // Switching the plan off in the product the user keeps takes it away as well
        assertThat(policy.check(proposed(both, change().assign(TEAMS_PHONE, PHONE_SYSTEM).build())))
                .singleElement().satisfies(f -> assertThat(f.products()).containsExactly(DOMESTIC_CALLING,
                        TEAMS_PHONE));
    }

    @Test
    void takingAwayOneOfTwoRequiredPlansOrTheDependentPlanToo() {
        var withBoth = user().holding(TEAMS_PHONE).holding(RESOURCE_ACCOUNT).holding(DOMESTIC_CALLING).build();
        var phoneAndCalling = user().holding(TEAMS_PHONE).holding(DOMESTIC_CALLING).build();

        assertThat(policy.check(proposed(withBoth, remove(TEAMS_PHONE)))).isEmpty();
        assertThat(policy.check(proposed(phoneAndCalling, remove(TEAMS_PHONE, DOMESTIC_CALLING)))).isEmpty();
    }

    @Test
    void aBreachTheUserAlreadyHadIsNotTheChangesDoing() {
        var alreadyBroken = user().holding(DOMESTIC_CALLING).build();

        assertThat(policy.check(proposed(alreadyBroken, assign(E3)))).isEmpty();
    }
}
