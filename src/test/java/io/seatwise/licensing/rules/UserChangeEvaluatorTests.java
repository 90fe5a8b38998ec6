package io.seatwise.licensing.rules;

import io.seatwise.licensing.UserOutcome;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.Test;

import static io.seatwise.licensing.rules.Build.DOMESTIC_CALLING;
import static io.seatwise.licensing.rules.Build.E3;
import static io.seatwise.licensing.rules.Build.EXCHANGE_1;
import static io.seatwise.licensing.rules.Build.TEAMS;
import static io.seatwise.licensing.rules.Build.TEAMS_PHONE;
import static io.seatwise.licensing.rules.Build.US_ONLY;
import static io.seatwise.licensing.rules.Build.assign;
import static io.seatwise.licensing.rules.Build.catalog;
import static io.seatwise.licensing.rules.Build.change;
import static io.seatwise.licensing.rules.Build.user;
import static org.assertj.core.api.Assertions.assertThat;

class UserChangeEvaluatorTests {

    private static UserOutcome evaluate(UserLicenseState user, io.seatwise.licensing.LicenseChangeSpec spec,
            Actor actor) {
        return UserChangeEvaluator.evaluate(user, spec, catalog(), actor);
    }

    private static UserOutcome evaluate(UserLicenseState user, io.seatwise.licensing.LicenseChangeSpec spec) {
        return evaluate(user, spec, Actor.AGENT_OR_SYSTEM);
    }

    @Test
    void anAllowedChangeSaysWhatTheUserGainsLosesAndReplans() {
        UserId id = new UserId(java.util.UUID.randomUUID());
        var holder = user().id(id).holding(E3).holding(DOMESTIC_CALLING).holding(TEAMS_PHONE).build();

        UserOutcome outcome = evaluate(holder, change().assign(E3, TEAMS)
                .assign(EXCHANGE_1, Build.EXCHANGE_PLAN_1).remove(DOMESTIC_CALLING).build());

        assertThat(outcome.userId()).isEqualTo(id);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.added()).containsExactly(EXCHANGE_1);
        assertThat(outcome.removed()).containsExactly(DOMESTIC_CALLING);
        assertThat(outcome.replanned()).containsExactly(E3);
    }

    @Test
    void askingForWhatTheUserHasSucceedsAndChangesNothing() {
        UserOutcome outcome = evaluate(user().holding(E3).build(), assign(E3));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.added()).isEmpty();
        assertThat(outcome.removed()).isEmpty();
        assertThat(outcome.replanned()).isEmpty();
    }

    @Test
    void everyRuleTheChangeBreaksIsReportedAndTheUserGetsNothing() {
        // In Sweden, holding E3: a US-only product, a calling plan without phone system, and a second Exchange
        UserOutcome outcome = evaluate(user().in("SE").holding(E3).build(),
                assign(US_ONLY, DOMESTIC_CALLING, EXCHANGE_1));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.errors()).extracting(f -> f.code()).containsExactly(
                "ProhibitedInUsageLocationViolation", "DependencyViolation", "MutuallyExclusiveViolation");
        assertThat(outcome.added()).isEmpty();
        assertThat(outcome.removed()).isEmpty();
        assertThat(outcome.replanned()).isEmpty();
    }

    @Test
    void aMissingOrDeletedUserGetsThatFailureAlone() {
        assertThat(evaluate(user().missing().build(), assign(DOMESTIC_CALLING)).errors())
                .extracting(f -> f.code()).containsExactly("UserNotFound");
        assertThat(evaluate(user().deleted().withoutLocation().build(), assign(E3)).errors())
                .extracting(f -> f.code()).containsExactly("UserDeleted");
    }

    @Test
    void aGlobalAdminAUserManagementAdminMayNotChangeGetsForbiddenAlone() {
        var admin = user().globalAdmin().withoutLocation().build();

        assertThat(evaluate(admin, assign(E3), new Actor(DirectoryRole.USER_ADMIN)).errors())
                .extracting(f -> f.code()).containsExactly("Forbidden");
        // The same change by an agent meets the other rules only
        assertThat(evaluate(admin, assign(E3), Actor.AGENT_OR_SYSTEM).errors())
                .extracting(f -> f.code()).containsExactly("UsageLocationMissing");
    }

    @Test
    void theSameInputGivesTheSameOutcomeAsTheEngineCachesItPerSituation() {
        var holder = user().holding(E3).build();

        UserOutcome first = evaluate(holder, assign(EXCHANGE_1));
        UserOutcome second = evaluate(holder, assign(EXCHANGE_1));

        assertThat(second).isEqualTo(first);
    }
}
