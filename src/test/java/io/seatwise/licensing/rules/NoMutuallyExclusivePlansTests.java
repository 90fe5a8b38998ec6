package io.seatwise.licensing.rules;

import org.junit.jupiter.api.Test;

import static io.seatwise.licensing.rules.Build.BOTH_EXCHANGES;
import static io.seatwise.licensing.rules.Build.E3;
import static io.seatwise.licensing.rules.Build.EXCHANGE_1;
import static io.seatwise.licensing.rules.Build.EXCHANGE_PLAN_1;
import static io.seatwise.licensing.rules.Build.EXCHANGE_PLAN_2;
import static io.seatwise.licensing.rules.Build.TEAMS_PHONE;
import static io.seatwise.licensing.rules.Build.assign;
import static io.seatwise.licensing.rules.Build.change;
import static io.seatwise.licensing.rules.Build.proposed;
import static io.seatwise.licensing.rules.Build.user;
import static org.assertj.core.api.Assertions.assertThat;

class NoMutuallyExclusivePlansTests {

    private final NoMutuallyExclusivePlans policy = new NoMutuallyExclusivePlans();

    @Test
    void aPlanConflictingWithOneTheUserHasNamesBothPlansTheirProductsAndTheWayOut() {
        assertThat(policy.check(proposed(user().holding(E3).build(), assign(EXCHANGE_1)))).singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).isEqualTo("MutuallyExclusiveViolation");
                    assertThat(f.skuId()).isEqualTo(EXCHANGE_1);
                    assertThat(f.servicePlans()).containsExactly(EXCHANGE_PLAN_1, EXCHANGE_PLAN_2);
                    assertThat(f.products()).containsExactly(EXCHANGE_1, E3);
                    assertThat(f.message()).isEqualTo("Exchange Online (Plan 1) in Exchange Online (Plan 1) "
                            + "conflicts with Exchange Online (Plan 2) in Microsoft 365 E3, which the user has: "
                            + "switch one of the two plans off");
                });
    }

    @Test
    void twoConflictingProductsInOneChangeFailAsTheUserGetsThem() {
        assertThat(policy.check(proposed(user().build(), assign(E3, EXCHANGE_1)))).singleElement().satisfies(f -> {
            assertThat(f.servicePlans()).containsExactlyInAnyOrder(EXCHANGE_PLAN_1, EXCHANGE_PLAN_2);
            assertThat(f.products()).containsExactlyInAnyOrder(EXCHANGE_1, E3);
            assertThat(f.products().get(0)).isEqualTo(f.skuId());
            assertThat(f.message()).contains(", which the user gets in this change: ");
        });
    }

    @Test
    void aConflictingPlanSwitchedOffInEitherProductResolvesIt() {
        assertThat(policy.check(proposed(user().holding(E3, EXCHANGE_PLAN_2).build(), assign(EXCHANGE_1))))
                .isEmpty();
        assertThat(policy.check(proposed(user().holding(E3).build(),
                change().assign(E3, EXCHANGE_PLAN_2).assign(EXCHANGE_1).build()))).isEmpty();
        assertThat(policy.check(proposed(user().holding(E3).build(), change().assign(EXCHANGE_1, EXCHANGE_PLAN_1)
                .build()))).isEmpty();
    }

    @Test
    void switchingAPlanBackOnInAProductTheUserKeepsIsAConflictToo() {
        var holder = user().holding(E3).holding(EXCHANGE_1, EXCHANGE_PLAN_1).build();

        assertThat(policy.check(proposed(holder, change().assign(EXCHANGE_1).build()))).singleElement()
                .satisfies(f -> {
                    assertThat(f.servicePlans()).containsExactly(EXCHANGE_PLAN_1, EXCHANGE_PLAN_2);
                    assertThat(f.message()).contains("which the user has");
                });
    }

    @Test
    void twoConflictingPlansOfOneProductSayTheyAreBothInIt() {
        assertThat(policy.check(proposed(user().build(), assign(BOTH_EXCHANGES)))).singleElement().satisfies(f -> {
            assertThat(f.products()).containsExactly(BOTH_EXCHANGES, BOTH_EXCHANGES);
            assertThat(f.message()).endsWith(", both in Both Exchanges: switch one of the two plans off");
        });
    }

    @Test
    void aConflictTheUserAlreadyHadIsNotTheChangesDoing() {
        assertThat(policy.check(proposed(user().holding(BOTH_EXCHANGES).build(), assign(TEAMS_PHONE)))).isEmpty();
    }

    @Test
    void replacingOneProductByTheOtherInOneChangeIsNoConflict() {
        assertThat(policy.check(proposed(user().holding(EXCHANGE_1).build(),
                change().remove(EXCHANGE_1).assign(E3).build()))).isEmpty();
    }
}
