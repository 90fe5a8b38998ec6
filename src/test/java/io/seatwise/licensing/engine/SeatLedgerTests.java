package io.seatwise.licensing.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.rules.ErrorCode;
import io.seatwise.licensing.InsufficientSeatsException;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.rules.UserLicenseState;
import io.seatwise.licensing.UserOutcome;
import io.seatwise.licensing.persistence.Seats;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strict and best-effort seat accounting, without Spring or a database: 3 users want a product with 2 free. */
class SeatLedgerTests {

    static final SkuId E3 = new SkuId(UUID.fromString("00000000-0000-0000-0000-0000000000e3"));
    static final CatalogRules RULES = CatalogRules.of(Map.of(E3, Set.<ServicePlanId>of()), Map.of(), Map.of(),
            Map.of(), Map.of());
    static final LicenseChangeSpec ASSIGN_E3 = new LicenseChangeSpec(Map.of(E3, Set.of()), Set.of());

    /** Locks answer the pool as the database would: 10 bought, 8 assigned. */
    final List<SkuId> locked = new ArrayList<>();

    SeatBook book(boolean preview) {
        return new SeatBook(Map.of(E3, new Seats(10, 8)), sku -> {
            locked.add(sku);
            return new Seats(10, 8);
        }, preview, RULES);
    }

    static UserOutcome gainsE3() {
        return new UserOutcome(new UserId(UUID.randomUUID()), List.of(), Set.of(E3), Set.of(), Set.of());
    }

    /** Claims a seat for each of three users and counts them as one chunk; answers the outcomes and admission. */
    static List<UserOutcome> threeUsers(SeatLedger ledger, boolean[] admitted) {
        ledger.lock(ASSIGN_E3.products());
        ledger.startGroup(ASSIGN_E3);
        List<UserOutcome> outcomes = new ArrayList<>();
        ChunkChanges changes = new ChunkChanges();
        for (int i = 0; i < 3; i++) {
            UserOutcome outcome = ledger.claim(gainsE3());
            outcomes.add(outcome);
            if (outcome.succeeded()) {
                changes.add(outcome, new UserLicenseState(outcome.userId(), true, false, "SE", Map.of()), ASSIGN_E3);
            }
        }
        admitted[0] = ledger.admit(changes);
        return outcomes;
    }

    @Test
    void strictCountsEveryUserThenRefusesTheWholeChange() {
        StrictSeatLedger ledger = new StrictSeatLedger(book(false));
        boolean[] admitted = new boolean[1];

        List<UserOutcome> outcomes = threeUsers(ledger, admitted);

        assertThat(outcomes).allMatch(UserOutcome::succeeded);
        assertThat(admitted[0]).as("the chunk may be written").isFalse();
        assertThat(locked).containsExactly(E3);
        assertThatThrownBy(() -> ledger.endGroup(ASSIGN_E3))
                .isInstanceOfSatisfying(InsufficientSeatsException.class, e -> assertThat(e.shortfalls())
                        .singleElement().satisfies(s -> {
                            assertThat(s.needed()).isEqualTo(3);
                            assertThat(s.available()).isEqualTo(2);
                        }));
    }

    @Test
    void aStrictPreviewLocksNothingAndReportsTheShortfallWithoutRefusing() {
        StrictSeatLedger ledger = new StrictSeatLedger(book(true));
        boolean[] admitted = new boolean[1];

        threeUsers(ledger, admitted);
        ledger.endGroup(ASSIGN_E3);

        assertThat(locked).isEmpty();
        assertThat(ledger.products(List.of(E3))).singleElement().satisfies(s -> {
            assertThat(s.needed()).isEqualTo(3);
            assertThat(s.shortfall()).isEqualTo(1);
        });
    }

    @Test
    void bestEffortGivesTheFreeSeatsInOrderAndFailsOnlyTheUserWithoutOne() {
        BestEffortSeatLedger ledger = new BestEffortSeatLedger(book(false));
        boolean[] admitted = new boolean[1];

        List<UserOutcome> outcomes = threeUsers(ledger, admitted);
        ledger.endGroup(ASSIGN_E3);

        assertThat(outcomes).extracting(UserOutcome::succeeded).containsExactly(true, true, false);
        assertThat(outcomes.get(2).errors()).extracting(f -> f.code()).containsExactly(ErrorCode.CountViolation.name());
        assertThat(admitted[0]).isTrue();
        assertThat(ledger.products(List.of(E3))).singleElement()
                .satisfies(s -> assertThat(s.needed()).isEqualTo(2));
    }
}
