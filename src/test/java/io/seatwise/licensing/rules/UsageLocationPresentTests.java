package io.seatwise.licensing.rules;

import org.junit.jupiter.api.Test;

import static io.seatwise.licensing.rules.Build.E3;
import static io.seatwise.licensing.rules.Build.EXCHANGE_1;
import static io.seatwise.licensing.rules.Build.TEAMS;
import static io.seatwise.licensing.rules.Build.assign;
import static io.seatwise.licensing.rules.Build.change;
import static io.seatwise.licensing.rules.Build.proposed;
import static io.seatwise.licensing.rules.Build.remove;
import static io.seatwise.licensing.rules.Build.user;
import static org.assertj.core.api.Assertions.assertThat;

class UsageLocationPresentTests {

    private final UsageLocationPresent policy = new UsageLocationPresent();

    @Test
    void assigningToAUserWithoutUsageLocationFailsOnceNamingAProduct() {
        assertThat(policy.check(proposed(user().withoutLocation().build(), assign(E3, EXCHANGE_1))))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("UsageLocationMissing");
                    assertThat(f.skuId()).isIn(E3, EXCHANGE_1);
                    assertThat(f.products()).containsExactly(f.skuId());
                });
    }

    @Test
    void removingOrReplanningNeedsNoUsageLocation() {
        var holder = user().withoutLocation().holding(E3).build();

        assertThat(policy.check(proposed(holder, remove(E3)))).isEmpty();
        assertThat(policy.check(proposed(holder, change().assign(E3, TEAMS).build()))).isEmpty();
    }

    @Test
    void aUserWithAUsageLocationPasses() {
        assertThat(policy.check(proposed(user().in("SE").build(), assign(E3)))).isEmpty();
    }
}
