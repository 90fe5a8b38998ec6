package io.seatwise.licensing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.access.SystemActor;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.licensing.rules.ErrorCode;
import io.seatwise.licensing.engine.LicenseEngine;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.PageRequest;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import io.seatwise.users.UserSort;
import io.seatwise.users.UsersService;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.seatwise.licensing.LicensingFixture.AUDIO_CONFERENCING;
import static io.seatwise.licensing.LicensingFixture.DOMESTIC_CALLING;
import static io.seatwise.licensing.LicensingFixture.E3;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_PLAN_1;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_S_ENTERPRISE;
import static io.seatwise.licensing.LicensingFixture.TEAMS_PHONE;
import static io.seatwise.licensing.LicensingFixture.assign;
import static io.seatwise.licensing.LicensingFixture.remove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The licensing engine through its service: rules, seats, preview, storage, undo. On H2 and PostgreSQL. */
abstract class LicensingServiceTests {

    @Autowired
    LicensingService licensing;
    @Autowired
    BestEffortChanges bestEffortChanges;
    @Autowired
    LicensingFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObservationRegistry observations;
    @Autowired
    UsersService usersService;

    LicenseChangeResult apply(Tenant t, List<UserId> users, LicenseChangeSpec spec) {
        return SystemActor.call(() -> licensing.apply(t.id(), new Selection.UserIds(users), spec));
    }

    static Map<UserId, List<ErrorCode>> codes(LicenseChangeResult result) {
        return result.results().stream().collect(java.util.stream.Collectors.toMap(UserOutcome::userId,
                o -> o.errors().stream().map(f -> ErrorCode.valueOf(f.code())).toList()));
    }

    @Test
    void theEnginesTimingsAreObservations() {
        Tenant t = fixture.tenant("SE", E3, 5);
        List<UserId> users = t.users(3, "SE");
        Thread test = Thread.currentThread();
        // The registry is the application's, shared by the cached context: the handler listens during this test only.
        java.util.concurrent.atomic.AtomicBoolean listening = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public void onStop(Observation.Context context) {
                if (Thread.currentThread() == test) {
                    stopped.add(context.getName() + " " + context.getLowCardinalityKeyValue("seats").getValue());
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return listening.get() && context.getName() != null
                        && context.getName().startsWith("seatwise.licensing.");
            }
        });

        try {
            apply(t, users, assign(E3));
        } finally {
            listening.set(false);
        }

        assertThat(stopped).contains("seatwise.licensing.group strict", "seatwise.licensing.load strict",
                "seatwise.licensing.store strict", "seatwise.licensing.apply strict");
    }

    @Test
    void aLicenseWriteKeepsTheUsersListsCountsRightWithoutLicensingTellingThem() {
        Tenant t = fixture.tenant("SE", E3, 5);
        List<UserId> users = t.users(3, "SE");
        long before = countVersion(t);
        assertThat(licensedCount(t)).isZero();

        apply(t, users.subList(0, 2), assign(E3));

        assertThat(countVersion(t)).isGreaterThan(before);
        assertThat(licensedCount(t)).isEqualTo(2);
        long assigned = countVersion(t);

        apply(t, users.subList(0, 1), remove(E3));

        assertThat(countVersion(t)).isGreaterThan(assigned);
        assertThat(licensedCount(t)).isEqualTo(1);
    }

    long countVersion(Tenant t) {
        return jdbc.sql("SELECT version FROM user_count WHERE customer_id = ?").param(t.id().value())
                .query(Long.class).optional().orElse(0L);
    }

    long licensedCount(Tenant t) {
        return SystemActor.call(() -> usersService.list(t.id(), new UserFilter(UserFilter.Type.LICENSED, null, null),
                UserSort.DEFAULT, new PageRequest(0, 50))).totalCount();
    }

    @Test
    void assigningGivesEachUserTheProductAndTakesOneSeatEach() {
        Tenant t = fixture.tenant("SE", E3, 5);
        List<UserId> users = t.users(3, "SE");

        LicenseChangeResult result = apply(t, users, assign(E3));

        assertThat(result.succeeded()).isEqualTo(3);
        assertThat(result.failed()).isZero();
        assertThat(t.assigned(E3)).isEqualTo(3);
        assertThat(t.activeAssignments(E3)).isEqualTo(3);
        assertThat(SystemActor.call(() -> licensing.licenses(t.id(), users.get(0))))
                .extracting(UserLicense::skuId).containsExactly(E3);
    }

    @Test
    void rejectsWhenTooFewSeatsAndChangesNothing() {
        Tenant t = fixture.tenant("SE", E3, 2, EXCHANGE_PLAN_1, 5);
        List<UserId> users = t.users(3, "SE");

        assertThatThrownBy(() -> apply(t, users, assign(E3)))
                .isInstanceOfSatisfying(InsufficientSeatsException.class, e -> {
                    assertThat(e.shortfalls()).singleElement().satisfies(s -> {
                        assertThat(s.skuId()).isEqualTo(E3);
                        assertThat(s.needed()).isEqualTo(3);
                        assertThat(s.available()).isEqualTo(2);
                        assertThat(s.shortfall()).isEqualTo(1);
                    });
                });
        assertThat(t.assigned(E3)).isZero();
        assertThat(t.activeAssignments(E3)).isZero();
        assertThat(t.changes()).isZero();
    }

    @Test
    void aRowTheEngineDidNotExpectIsSkippedAndItsSeatGivenBack() {
        Tenant t = fixture.tenant("SE", E3, 5);
        List<UserId> users = t.users(3, "SE");
        // A suspended assignment (no seat) is not a license the rules see, yet its row is in the way of an insert.
        jdbc.sql("INSERT INTO license_assignment (customer_id, user_id, sku_id, state, assigned_at) "
                + "VALUES (?, ?, ?, 'SUSPENDED', CURRENT_TIMESTAMP)")
                .param(t.id().value()).param(users.get(1).value()).param(E3.value()).update();

        LicenseChangeResult result = apply(t, users, assign(E3));

        assertThat(result.succeeded()).isEqualTo(3);
        assertThat(t.activeAssignments(E3)).isEqualTo(2);
        assertThat(t.assigned(E3)).isEqualTo(2);
        assertThat(t.changes()).isEqualTo(1);
    }

    @Test
    void tooFewSeatsFoundInALaterChunkUndoWhatEarlierChunksWrote() {
        Tenant t = fixture.tenant("SE", E3, 3);
        List<UserId> users = t.users(4, "SE");
        // Two users in the first chunk (filled up with unknown ids, which fail), two in the second: the first chunk
        // fits and is written, the second finds the pool short.
        List<UserId> selection = new java.util.ArrayList<>(users.subList(0, 2));
        while (selection.size() < LicenseEngine.ID_CHUNK) {
            selection.add(new UserId(UUID.randomUUID()));
        }
        selection.addAll(users.subList(2, 4));

        assertThatThrownBy(() -> apply(t, selection, assign(E3)))
                .isInstanceOfSatisfying(InsufficientSeatsException.class, e -> assertThat(e.shortfalls())
                        .singleElement().satisfies(s -> {
                            assertThat(s.needed()).isEqualTo(4);
                            assertThat(s.available()).isEqualTo(3);
                        }));
        assertThat(t.activeAssignments(E3)).isZero();
        assertThat(t.assigned(E3)).isZero();
        assertThat(t.changes()).isZero();
    }

    @Test
    void revokingFreesTheSeat() {
        Tenant t = fixture.tenant("SE", E3, 2);
        List<UserId> users = t.users(2, "SE");
        apply(t, users, assign(E3));

        LicenseChangeResult result = apply(t, users.subList(0, 1), remove(E3));

        assertThat(result.succeeded()).isEqualTo(1);
        assertThat(t.assigned(E3)).isEqualTo(1);
        assertThat(t.activeAssignments(E3)).isEqualTo(1);
    }

    @Test
    void previewReturnsExactlyWhatApplyThenDoes() {
        Tenant t = fixture.tenant("CN", E3, 10, AUDIO_CONFERENCING, 10);
        List<UserId> users = t.users(3, "CN");
        UserId ghost = new UserId(UUID.randomUUID());
        List<UserId> selection = new java.util.ArrayList<>(users);
        selection.add(ghost);
        LicenseChangeSpec spec = assign(E3, AUDIO_CONFERENCING);

        LicenseChangeResult preview = SystemActor.call(() -> licensing.preview(t.id(),
                new Selection.UserIds(selection), spec));
        assertThat(t.activeAssignments(E3)).isZero();
        assertThat(t.changes()).isZero();
        LicenseChangeResult applied = apply(t, selection, spec);

        assertThat(applied.results()).isEqualTo(preview.results());
        assertThat(applied.products()).isEqualTo(preview.products());
        assertThat(codes(applied).get(ghost)).containsExactly(ErrorCode.UserNotFound);
        // Audio Conferencing is not offered in CN: the whole change fails for these users.
        assertThat(codes(applied).get(users.get(0))).containsExactly(ErrorCode.ProhibitedInUsageLocationViolation);
        assertThat(t.activeAssignments(E3)).isZero();
    }

    @Test
    void aUsersChangeAppliesEntirelyOrNotAtAllWhileOtherUsersGoOn() {
        Tenant t = fixture.tenant("SE", E3, 10, AUDIO_CONFERENCING, 10);
        UserId placed = t.user("SE");
        UserId nowhere = t.userWithoutLocation();
        UserId deleted = t.user("SE");
        t.delete(deleted);

        LicenseChangeResult result = apply(t, List.of(placed, nowhere, deleted), assign(E3, AUDIO_CONFERENCING));

        assertThat(codes(result).get(placed)).isEmpty();
        assertThat(codes(result).get(nowhere)).containsExactly(ErrorCode.UsageLocationMissing);
        assertThat(codes(result).get(deleted)).containsExactly(ErrorCode.UserDeleted);
        assertThat(t.activeAssignments(E3)).isEqualTo(1);
        assertThat(t.activeAssignments(AUDIO_CONFERENCING)).isEqualTo(1);
        assertThat(t.assigned(E3)).isEqualTo(1);
    }

    @Test
    void aPlanNeedsItsRequiredPlanInTheSameChangeOrAlready() {
        Tenant t = fixture.tenant("US", TEAMS_PHONE, 5, DOMESTIC_CALLING, 5);
        UserId alone = t.user("US");
        UserId withPhone = t.user("US");

        LicenseChangeResult callingOnly = apply(t, List.of(alone), assign(DOMESTIC_CALLING));
        LicenseChangeResult both = apply(t, List.of(withPhone), assign(DOMESTIC_CALLING, TEAMS_PHONE));
        LicenseChangeResult orphaning = apply(t, List.of(withPhone), remove(TEAMS_PHONE));

        assertThat(codes(callingOnly).get(alone)).containsExactly(ErrorCode.DependencyViolation);
        assertThat(callingOnly.results().get(0).errors().get(0).skuId()).isEqualTo(DOMESTIC_CALLING);
        assertThat(codes(both).get(withPhone)).isEmpty();
        assertThat(codes(orphaning).get(withPhone)).containsExactly(ErrorCode.DependencyViolation);
        assertThat(t.assigned(TEAMS_PHONE)).isEqualTo(1);
        assertThat(t.assigned(DOMESTIC_CALLING)).isEqualTo(1);
    }

    @Test
    void mutuallyExclusivePlansCountProductsTheUserAlreadyHas() {
        Tenant t = fixture.tenant("SE", E3, 5, EXCHANGE_PLAN_1, 5);
        UserId user = t.user("SE");
        apply(t, List.of(user), assign(EXCHANGE_PLAN_1));

        LicenseChangeResult conflicting = apply(t, List.of(user), assign(E3));
        LicenseChangeResult withoutExchange = apply(t, List.of(user),
                new LicenseChangeSpec(Map.of(E3, Set.of(EXCHANGE_S_ENTERPRISE)), Set.of()));

        assertThat(codes(conflicting).get(user)).containsExactly(ErrorCode.MutuallyExclusiveViolation);
        assertThat(codes(withoutExchange).get(user)).isEmpty();
        assertThat(SystemActor.call(() -> licensing.licenses(t.id(), user)))
                .filteredOn(l -> l.skuId().equals(E3)).singleElement()
                .satisfies(l -> assertThat(l.disabledPlans()).containsExactly(EXCHANGE_S_ENTERPRISE));
    }

    @Test
    void changingDisabledPlansUsesNoExtraSeat() {
        Tenant t = fixture.tenant("SE", E3, 1);
        UserId user = t.user("SE");
        apply(t, List.of(user), assign(E3));

        LicenseChangeResult replanned = apply(t, List.of(user),
                new LicenseChangeSpec(Map.of(E3, Set.of(EXCHANGE_S_ENTERPRISE)), Set.of()));
        LicenseChangeResult back = apply(t, List.of(user), assign(E3));

        assertThat(replanned.succeeded()).isEqualTo(1);
        assertThat(back.succeeded()).isEqualTo(1);
        assertThat(t.assigned(E3)).isEqualTo(1);
        assertThat(SystemActor.call(() -> licensing.licenses(t.id(), user)).get(0).disabledPlans()).isEmpty();
    }

    /**
     * Explicit selections larger than one of the engine's chunks, in an arbitrary order: a dense one (most users
     * of the tenant, read by id range on PostgreSQL) and a sparse one (every fifth user, probed by id). Each selected
     * user gets the product exactly once, users holding it already keep theirs, an unknown id fails alone, and the
     * users not selected get nothing.
     */
    @Test
    void largeExplicitSelectionsDenseOrSparseGiveExactlyTheSelectedUsersTheProduct() {
        Tenant t = fixture.tenant("SE", E3, 30_000, EXCHANGE_PLAN_1, 10);
        List<UserId> all = t.bulkUsers(25_000, "SE");
        List<UserId> holders = all.subList(0, 3);
        apply(t, holders, assign(E3));
        apply(t, List.of(all.get(3)), assign(EXCHANGE_PLAN_1));
        List<UserId> dense = new java.util.ArrayList<>(all.subList(0, 21_000));
        UserId unknown = new UserId(UUID.randomUUID());
        dense.add(unknown);
        java.util.Collections.shuffle(dense, new java.util.Random(7));

        LicenseChangeResult first = apply(t, dense, assign(E3));

        assertThat(first.selected()).isEqualTo(21_001);
        assertThat(first.failed()).as("the unknown id, and the user with exclusive Exchange").isEqualTo(2);
        assertThat(t.activeAssignments(E3)).isEqualTo(21_000 - 1);
        assertThat(t.assigned(E3)).isEqualTo(21_000 - 1);
        assertThat(SystemActor.call(() -> licensing.licenses(t.id(), all.get(3)))).extracting(UserLicense::skuId)
                .containsExactly(EXCHANGE_PLAN_1);

        LicenseSummary summary = SystemActor.call(() -> licensing.summary(t.id(), new Selection.UserIds(dense)));
        assertThat(summary.selectedUsers()).isEqualTo(21_000);
        assertThat(summary.products()).filteredOn(p -> p.skuId().equals(E3)).singleElement().satisfies(p -> {
            assertThat(p.selectedWithProduct()).isEqualTo(20_999);
            assertThat(p.state()).isEqualTo(LicenseSummary.State.some);
        });
        assertThat(summary.products()).filteredOn(p -> p.skuId().equals(EXCHANGE_PLAN_1)).singleElement()
                .satisfies(p -> assertThat(p.selectedWithProduct()).isEqualTo(1));
        List<UserId> withE3 = new java.util.ArrayList<>(all.subList(4, 21_000));
        java.util.Collections.reverse(withE3);
        assertThat(SystemActor.call(() -> licensing.summary(t.id(), new Selection.UserIds(withE3))).products())
                .filteredOn(p -> p.skuId().equals(E3)).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(LicenseSummary.State.all));

        List<UserId> sparse = new java.util.ArrayList<>();
        for (int i = 21_000; i < all.size(); i += 3) {
            sparse.add(all.get(i));
        }
        java.util.Collections.shuffle(sparse, new java.util.Random(8));
        LicenseChangeResult second = apply(t, sparse, assign(E3));

        assertThat(second.succeeded()).isEqualTo(sparse.size());
        List<UserId> sparseAndOthers = new java.util.ArrayList<>(sparse);
        sparseAndOthers.add(all.get(21_001));
        LicenseSummary sparseSummary = SystemActor.call(() -> licensing.summary(t.id(),
                new Selection.UserIds(sparseAndOthers)));
        assertThat(sparseSummary.selectedUsers()).isEqualTo(sparse.size() + 1);
        assertThat(sparseSummary.products()).filteredOn(p -> p.skuId().equals(E3)).singleElement()
                .satisfies(p -> assertThat(p.selectedWithProduct()).isEqualTo(sparse.size()));
        assertThat(t.activeAssignments(E3)).isEqualTo(21_000 - 1 + sparse.size());
        assertThat(SystemActor.call(() -> licensing.licenses(t.id(), all.get(21_001)))).isEmpty();
        assertThat(SystemActor.call(() -> licensing.licenses(t.id(), all.get(21_003))))
                .extracting(UserLicense::skuId).containsExactly(E3);
    }

    @Test
    void aFilterSelectsEveryMatchingUser() {
        Tenant t = fixture.tenant("SE", E3, 10, EXCHANGE_PLAN_1, 10);
        List<UserId> users = t.users(4, "SE");
        apply(t, users.subList(0, 1), assign(EXCHANGE_PLAN_1));

        LicenseChangeResult result = SystemActor.call(() -> licensing.apply(t.id(),
                new Selection.Matching(new UserFilter(UserFilter.Type.UNLICENSED, null, null)), assign(E3)));

        assertThat(result.selected()).isEqualTo(3);
        assertThat(t.activeAssignments(E3)).isEqualTo(3);
    }

    @Test
    void theSummaryShowsSeatsAndAllSomeNoneForTheSelection() {
        Tenant t = fixture.tenant("SE", E3, 10, AUDIO_CONFERENCING, 10);
        List<UserId> users = t.users(3, "SE");
        apply(t, users, assign(E3));
        apply(t, users.subList(0, 1), assign(AUDIO_CONFERENCING));

        LicenseSummary summary = SystemActor.call(() -> licensing.summary(t.id(), new Selection.UserIds(users)));

        assertThat(summary.selectedUsers()).isEqualTo(3);
        assertThat(summary.products()).filteredOn(p -> p.skuId().equals(E3)).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(LicenseSummary.State.all);
            assertThat(p.available()).isEqualTo(7);
        });
        assertThat(summary.products()).filteredOn(p -> p.skuId().equals(AUDIO_CONFERENCING)).singleElement()
                .satisfies(p -> {
                    assertThat(p.state()).isEqualTo(LicenseSummary.State.some);
                    assertThat(p.selectedWithProduct()).isEqualTo(1);
                });
        LicenseSummary everyone = SystemActor.call(() -> licensing.summary(t.id(),
                new Selection.Matching(new UserFilter(UserFilter.Type.ALL, null, null))));
        assertThat(everyone.products()).filteredOn(p -> p.skuId().equals(AUDIO_CONFERENCING)).singleElement()
                .satisfies(p -> assertThat(p.selectedWithProduct()).isEqualTo(1));
        var holders = SystemActor.call(() -> licensing.holders(t.id(), new Selection.UserIds(users), AUDIO_CONFERENCING,
                new PageRequest(0, 10)));
        assertThat(holders.items()).extracting(LicenseHolder::userId).containsExactly(users.get(0));
    }

    @Test
    void theChangeIsStoredWithPerUserResultsAndOneActivityEntry() {
        Tenant t = fixture.tenant("SE", E3, 1);
        List<UserId> users = t.users(2, "SE");
        users = List.of(users.get(0), t.userWithoutLocation());

        LicenseChangeResult result = apply(t, users, assign(E3));
        var stored = SystemActor.call(() -> licensing.change(t.id(), result.id()));
        var page = SystemActor.call(() -> licensing.results(t.id(), result.id(), new PageRequest(0, 10)));

        assertThat(stored.succeeded()).isEqualTo(1);
        assertThat(stored.failed()).isEqualTo(1);
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0).succeeded()).isTrue();
        assertThat(page.items().get(0).licenses()).containsExactly(E3);
        assertThat(page.items().get(1).errors()).extracting(f -> ErrorCode.valueOf(f.code()))
                .containsExactly(ErrorCode.UsageLocationMissing);
        assertThat(jdbc.sql("SELECT count(*) FROM activity_log WHERE customer_id = ? AND action = 'licenses.changed'")
                .param(t.id().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void undoRevertsWhatSucceededAndCannotRunTwice() {
        Tenant t = fixture.tenant("SE", E3, 5, EXCHANGE_PLAN_1, 5);
        List<UserId> users = t.users(2, "SE");
        apply(t, users, assign(EXCHANGE_PLAN_1));
        apply(t, users.subList(0, 1), new LicenseChangeSpec(Map.of(E3, Set.of(EXCHANGE_S_ENTERPRISE)), Set.of()));
        LicenseChangeResult change = apply(t, users, new LicenseChangeSpec(
                Map.of(E3, Set.of()), Set.of(EXCHANGE_PLAN_1)));
        // user 0 had E3 (Exchange off) and gets all plans back on: conflicts with Exchange Plan 1 it loses: fine.
        assertThat(t.activeAssignments(EXCHANGE_PLAN_1)).isZero();

        LicenseChangeResult undo = SystemActor.call(() -> licensing.undo(t.id(), change.id()));

        assertThat(undo.failed()).isZero();
        assertThat(t.activeAssignments(EXCHANGE_PLAN_1)).isEqualTo(2);
        assertThat(t.activeAssignments(E3)).isEqualTo(1);
        assertThat(t.assigned(E3)).isEqualTo(1);
        assertThat(t.assigned(EXCHANGE_PLAN_1)).isEqualTo(2);
        assertThat(SystemActor.call(() -> licensing.licenses(t.id(), users.get(0))))
                .filteredOn(l -> l.skuId().equals(E3)).singleElement()
                .satisfies(l -> assertThat(l.disabledPlans()).containsExactly(EXCHANGE_S_ENTERPRISE));
        assertThatThrownBy(() -> SystemActor.call(() -> licensing.undo(t.id(), change.id())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("already-undone"));
    }

    @Test
    void undoRestoresOnlyWhereSeatsAreStillFree() {
        Tenant t = fixture.tenant("SE", EXCHANGE_PLAN_1, 2);
        List<UserId> users = t.users(3, "SE");
        apply(t, users.subList(0, 2), assign(EXCHANGE_PLAN_1));
        LicenseChangeResult removal = apply(t, users.subList(0, 2), remove(EXCHANGE_PLAN_1));
        apply(t, users.subList(2, 3), assign(EXCHANGE_PLAN_1));

        LicenseChangeResult undo = SystemActor.call(() -> licensing.undo(t.id(), removal.id()));

        assertThat(undo.succeeded()).isEqualTo(1);
        assertThat(undo.failed()).isEqualTo(1);
        assertThat(undo.results()).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(o -> assertThat(o.errors().get(0).code()).isEqualTo(ErrorCode.CountViolation.name()));
        assertThat(t.assigned(EXCHANGE_PLAN_1)).isEqualTo(2);
        assertThat(t.activeAssignments(EXCHANGE_PLAN_1)).isEqualTo(2);
    }

    @Test
    void refusesProductsTheCustomerDoesNotSubscribeTo() {
        Tenant t = fixture.tenant("SE", E3, 5);
        UserId user = t.user("SE");

        assertThatThrownBy(() -> apply(t, List.of(user), assign(EXCHANGE_PLAN_1)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("not-subscribed"));
        assertThat(t.changes()).isZero();
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    LicenseChangeResult bestEffort(Tenant t, UserId user, LicenseChangeSpec spec) {
        return SystemActor.call(() -> bestEffortChanges.apply(t.id(), new Selection.UserIds(List.of(user)), spec));
    }

    @Test
    void aFewUsersGainingAProductTakeTheLastSeatsAndTheNextFailsAloneWithNothingWritten() {
        Tenant t = fixture.tenant("SE", E3, 2);
        List<UserId> users = t.users(3, "SE");

        List<LicenseChangeResult> results = users.stream().map(u -> bestEffort(t, u, assign(E3))).toList();

        assertThat(results).extracting(LicenseChangeResult::succeeded).containsExactly(1, 1, 0);
        assertThat(results.get(2).results()).singleElement()
                .satisfies(o -> assertThat(o.errors().get(0).code()).isEqualTo(ErrorCode.CountViolation.name()));
        assertThat(t.assigned(E3)).isEqualTo(2);
        assertThat(t.activeAssignments(E3)).isEqualTo(2);
        assertThat(t.changes()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM license_change_user WHERE customer_id = ?")
                .param(t.id().value()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void seatsOwedAtCommitAreForgottenWithTheSavepointTheirWorkWasRolledBackTo() {
        Tenant t = fixture.tenant("SE", E3, 2);
        UserId user = t.user("SE");

        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s -> {
            Object savepoint = s.createSavepoint();
            SystemActor.call(() -> bestEffortChanges.applyAtCommit(t.id(), new Selection.UserIds(List.of(user)),
                    assign(E3)));
            s.rollbackToSavepoint(savepoint);
        });

        assertThat(t.assigned(E3)).isZero();
        assertThat(t.activeAssignments(E3)).isZero();
    }

    @Test
    void seatsGoneByCommitRollTheTransactionBackAndTheLockedRunThenFailsTheUser() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 1);
        UserId first = t.user("SE");
        UserId second = t.user("SE");
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);

        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            LicenseChangeResult optimistic = SystemActor.call(() -> bestEffortChanges.applyAtCommit(t.id(),
                    new Selection.UserIds(List.of(first)), assign(E3)));
            assertThat(optimistic.succeeded()).isEqualTo(1);
            // Meanwhile another request takes the last seat and commits.
            var other = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                assertThat(other.submit(() -> bestEffort(t, second, assign(E3)).succeeded()).get()).isEqualTo(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                other.shutdown();
            }
        })).isInstanceOf(SeatsGoneAtCommit.class);

        assertThat(t.assigned(E3)).isEqualTo(1);
        assertThat(t.activeAssignments(E3)).isEqualTo(1);
        assertThat(SystemActor.call(() -> licensing.licenses(t.id(), first))).isEmpty();
        LicenseChangeResult again = bestEffort(t, first, assign(E3));
        assertThat(again.failed()).isEqualTo(1);
        assertThat(t.assigned(E3)).isEqualTo(1);
    }
}
