package io.seatwise.licensing.rules;

import io.seatwise.licensing.LicenseChangeSpec;
import org.junit.jupiter.api.Test;

import static io.seatwise.licensing.rules.Build.E3;
import static io.seatwise.licensing.rules.Build.FORMS;
import static io.seatwise.licensing.rules.Build.US_ONLY;
import static io.seatwise.licensing.rules.Build.assign;
import static io.seatwise.licensing.rules.Build.change;
import static io.seatwise.licensing.rules.Build.proposed;
import static io.seatwise.licensing.rules.Build.user;
import static org.assertj.core.api.Assertions.assertThat;

class OfferedInUsageLocationTests {

    private final OfferedInUsageLocation policy = new OfferedInUsageLocation();

    @Test
    void aProductSoldOnlyElsewhereFailsForThatProductAlone() {
        assertThat(policy.check(proposed(user().in("SE").build(), assign(E3, US_ONLY)))).singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).isEqualTo("ProhibitedInUsageLocationViolation");
                    assertThat(f.skuId()).isEqualTo(US_ONLY);
                    assertThat(f.message()).endsWith(" is not offered in SE");
                });
    }

    @Test
    void whereItIsSoldItPasses() {
        assertThat(policy.check(proposed(user().in("US").build(), assign(US_ONLY)))).isEmpty();
    }

    @Test
    void aProductNotSoldInTheUsersCountryFails() {
        var rules = new Build.CatalogBuilder().product(E3, "Microsoft 365 E3", FORMS).notOfferedIn(E3, "CN", "RU")
                .build();
        LicenseChangeSpec spec = assign(E3);

        assertThat(policy.check(new ProposedChange(user().in("CN").build(), spec, rules, Actor.AGENT_OR_SYSTEM)))
                .extracting(f -> f.code()).containsExactly("ProhibitedInUsageLocationViolation");
        assertThat(policy.check(new ProposedChange(user().in("SE").build(), spec, rules, Actor.AGENT_OR_SYSTEM)))
                .isEmpty();
    }

    @Test
    void onlyProductsTheUserGetsCountNotOnesItKeeps() {
        // Moved to Sweden after getting the US-only product: changing its plans is no new sale
        var holder = user().in("SE").holding(US_ONLY).build();

        assertThat(policy.check(proposed(holder, change().assign(US_ONLY, FORMS).build()))).isEmpty();
    }

    @Test
    void withoutUsageLocationItSaysNothingAndLeavesThatToItsOwnRule() {
        assertThat(policy.check(proposed(user().withoutLocation().build(), assign(US_ONLY)))).isEmpty();
    }
}
