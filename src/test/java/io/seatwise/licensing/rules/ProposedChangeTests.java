package io.seatwise.licensing.rules;

import org.junit.jupiter.api.Test;

import static io.seatwise.licensing.rules.Build.BOTH_EXCHANGES;
import static io.seatwise.licensing.rules.Build.DOMESTIC_CALLING;
import static io.seatwise.licensing.rules.Build.E3;
import static io.seatwise.licensing.rules.Build.EXCHANGE_1;
import static io.seatwise.licensing.rules.Build.EXCHANGE_PLAN_1;
import static io.seatwise.licensing.rules.Build.EXCHANGE_PLAN_2;
import static io.seatwise.licensing.rules.Build.FORMS;
import static io.seatwise.licensing.rules.Build.DOMESTIC_CALLING_PLAN;
import static io.seatwise.licensing.rules.Build.TEAMS;
import static io.seatwise.licensing.rules.Build.change;
import static io.seatwise.licensing.rules.Build.proposed;
import static io.seatwise.licensing.rules.Build.user;
import static org.assertj.core.api.Assertions.assertThat;

class ProposedChangeTests {

    @Test
    void productsAreAddedRemovedOrReplannedAndTheRestIsKept() {
        var change = proposed(user().holding(E3).holding(EXCHANGE_1).holding(DOMESTIC_CALLING).build(),
                change().assign(E3, TEAMS).assign(EXCHANGE_1).assign(BOTH_EXCHANGES).remove(DOMESTIC_CALLING)
                        .build());

        assertThat(change.added()).containsExactly(BOTH_EXCHANGES);
        assertThat(change.removed()).containsExactly(DOMESTIC_CALLING);
        assertThat(change.replanned()).containsExactly(E3);
        assertThat(change.changesAnything()).isTrue();
        assertThat(change.after()).containsOnlyKeys(E3, EXCHANGE_1, BOTH_EXCHANGES);
        assertThat(change.after().get(E3)).containsExactly(TEAMS);
    }

    @Test
    void askingForWhatTheUserHasChangesNothing() {
        var change = proposed(user().holding(E3, TEAMS).build(), change().assign(E3, TEAMS).build());

        assertThat(change.changesAnything()).isFalse();
    }

    @Test
    void enabledPlansAreOnlyThoseSomeRuleLooksAtAndNotSwitchedOff() {
        var change = proposed(user().holding(E3).holding(DOMESTIC_CALLING).build(),
                change().assign(E3, EXCHANGE_PLAN_2).assign(EXCHANGE_1).build());

        // FORMS and TEAMS take part in no rule
        assertThat(change.enabledBefore()).containsExactlyInAnyOrder(EXCHANGE_PLAN_2, DOMESTIC_CALLING_PLAN);
        assertThat(change.enabledAfter()).containsExactlyInAnyOrder(EXCHANGE_PLAN_1, DOMESTIC_CALLING_PLAN)
                .doesNotContain(FORMS, TEAMS);
    }

    @Test
    void theProductGivingAPlanIsFoundBeforeAndAfter() {
        var change = proposed(user().holding(E3).build(), change().assign(E3, EXCHANGE_PLAN_2).assign(EXCHANGE_1)
                .build());

        assertThat(change.productBefore(EXCHANGE_PLAN_2)).isEqualTo(E3);
        assertThat(change.productOf(EXCHANGE_PLAN_2)).isNull();
        assertThat(change.productOf(EXCHANGE_PLAN_1)).isEqualTo(EXCHANGE_1);
        assertThat(change.productBefore(EXCHANGE_PLAN_1)).isNull();
    }
}
