package io.seatwise.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.seatwise.access.SystemActor;
import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.customers.CustomersService;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.UserLicense;
import io.seatwise.provisioning.ScimLicenses.Role;
import io.seatwise.provisioning.ScimLicenses.Shown;
import io.seatwise.provisioning.ScimLicenses.Wanted;
import io.seatwise.support.Polling;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static io.seatwise.licensing.LicensingFixture.AUDIO_CONFERENCING;
import static io.seatwise.licensing.LicensingFixture.E3;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_PLAN_1;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_S_ENTERPRISE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Licenses through provisioning (issue 14, point 4), acting as a SCIM token does: products given by part number
 * or SKU id, taken away, re-planned, through the licensing engine's rules and seats; what cannot be given returned,
 * stored, shown and logged, never thrown. On H2 and PostgreSQL.
 */
abstract class ScimLicensesTests {

    @Autowired
    ScimLicenses licenses;
    @Autowired
    LicensingFixture fixture;
    @Autowired
    LicensingService licensing;
    @Autowired
    CatalogService catalog;
    @Autowired
    CustomersService customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.seatwise.users.UserPurge purge;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Runs as a request authenticated with a SCIM token of the tenant named "Entra ID" does. */
    <T> T asToken(Tenant t, Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ScimTokenFilter.authentication(new ScimPrincipal(t.id(), UUID.randomUUID(),
                "Entra ID")));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    List<LicenseFailure> apply(Tenant t, UserId user, Wanted... wanted) {
        return asToken(t, () -> licenses.apply(t.id(), user, List.of(wanted)));
    }

    List<UserLicense> held(Tenant t, UserId user) {
        return SystemActor.call(() -> licensing.licenses(t.id(), user));
    }

    List<String> storedCodes(Tenant t, UserId user) {
        return jdbc.sql("SELECT code FROM scim_license_error WHERE customer_id = ? AND user_id = ? ORDER BY seq")
                .param(t.id().value()).param(user.value()).query(String.class).list();
    }

    static Wanted wanted(String value, String... disabledPlans) {
        return new Wanted(value, List.of(disabledPlans));
    }

    String partNumber(io.seatwise.catalog.SkuId sku) {
        return catalog.rules().partNumber(sku);
    }

    @Test
    void aProductIsGivenByPartNumberInAnyCaseAndBySkuIdInOneStoredChange() {
        Tenant t = fixture.tenant("SE", E3, 5, AUDIO_CONFERENCING, 5);
        UserId user = t.user("SE");
        int changesBefore = t.changes();

        List<LicenseFailure> failures = apply(t, user, wanted(partNumber(E3).toLowerCase()),
                wanted(AUDIO_CONFERENCING.toString()));

        assertThat(failures).isEmpty();
        assertThat(held(t, user)).extracting(UserLicense::skuId).containsExactlyInAnyOrder(E3, AUDIO_CONFERENCING);
        assertThat(t.assigned(E3)).isEqualTo(1);
        assertThat(t.changes()).isEqualTo(changesBefore + 1);
        assertThat(jdbc.sql("SELECT created_by FROM license_change WHERE customer_id = ?").param(t.id().value())
                .query(String.class).list()).contains("SCIM token \"Entra ID\"");
        assertThat(storedCodes(t, user)).isEmpty();

        // the same again changes nothing: no engine run
        assertThat(apply(t, user, wanted(partNumber(E3).toUpperCase()),
                wanted(AUDIO_CONFERENCING.toString()))).isEmpty();
        assertThat(t.changes()).isEqualTo(changesBefore + 1);
    }

    @Test
    void aProductNoLongerSentIsRevokedAndItsSeatFreed() {
        Tenant t = fixture.tenant("SE", E3, 5, AUDIO_CONFERENCING, 5);
        UserId user = t.user("SE");
        apply(t, user, wanted(partNumber(E3)), wanted(partNumber(AUDIO_CONFERENCING)));

        assertThat(apply(t, user, wanted(partNumber(E3)))).isEmpty();
        assertThat(held(t, user)).extracting(UserLicense::skuId).containsExactly(E3);
        assertThat(t.assigned(AUDIO_CONFERENCING)).isZero();

        assertThat(apply(t, user)).isEmpty();
        assertThat(held(t, user)).isEmpty();
        assertThat(t.assigned(E3)).isZero();
    }

    @Test
    void disabledPlansAreSetByIdOrNameAndChangedWhereTheyDiffer() {
        Tenant t = fixture.tenant("SE", E3, 1);
        UserId user = t.user("SE");

        assertThat(apply(t, user, wanted(partNumber(E3), EXCHANGE_S_ENTERPRISE.toString()))).isEmpty();
        assertThat(held(t, user).get(0).disabledPlans()).containsExactly(EXCHANGE_S_ENTERPRISE);

        assertThat(apply(t, user, wanted(partNumber(E3)))).isEmpty();
        assertThat(held(t, user).get(0).disabledPlans()).isEmpty();

        String name = catalog.rules().planName(EXCHANGE_S_ENTERPRISE).toLowerCase();
        assertThat(apply(t, user, wanted(E3.toString(), name))).isEmpty();
        assertThat(held(t, user).get(0).disabledPlans()).containsExactly(EXCHANGE_S_ENTERPRISE);
        assertThat(t.assigned(E3)).isEqualTo(1);
    }

    @Test
    void tooFewSeatsIsAFailureReturnedAndStoredAndTheUserKeepsWhatItHad() {
        Tenant t = fixture.tenant("SE", E3, 2, AUDIO_CONFERENCING, 1);
        UserId first = t.user("SE");
        UserId second = t.user("SE");
        assertThat(apply(t, first, wanted(partNumber(E3)), wanted(partNumber(AUDIO_CONFERENCING)))).isEmpty();
        assertThat(apply(t, second, wanted(partNumber(E3), EXCHANGE_S_ENTERPRISE.toString()))).isEmpty();

        // Audio Conferencing's one seat is taken: E3 re-planned and Audio Conferencing added fail together
        List<LicenseFailure> failures = apply(t, second, wanted(partNumber(E3)),
                wanted(partNumber(AUDIO_CONFERENCING)));

        assertThat(failures).extracting(LicenseFailure::code).containsExactly("CountViolation");
        assertThat(failures.get(0).skuId()).isEqualTo(AUDIO_CONFERENCING);
        assertThat(storedCodes(t, second)).containsExactly("CountViolation");
        assertThat(held(t, second)).singleElement().satisfies(l -> {
            assertThat(l.skuId()).isEqualTo(E3);
            assertThat(l.disabledPlans()).containsExactly(EXCHANGE_S_ENTERPRISE);
        });
        assertThat(t.assigned(AUDIO_CONFERENCING)).isEqualTo(1);

        // a seat bought, the next provisioning gives it and forgets the failure
        SystemActor.run(() -> customers.buyMore(t.id(), AUDIO_CONFERENCING, 1));
        assertThat(apply(t, second, wanted(partNumber(E3)), wanted(partNumber(AUDIO_CONFERENCING)))).isEmpty();
        assertThat(storedCodes(t, second)).isEmpty();
        assertThat(held(t, second)).extracting(UserLicense::skuId).containsExactlyInAnyOrder(E3, AUDIO_CONFERENCING);
    }

    @Test
    void aUserWithoutUsageLocationOrAConflictFailsWithTheEnginesCodes() {
        Tenant t = fixture.tenant("SE", E3, 5, EXCHANGE_PLAN_1, 5);
        UserId nowhere = t.userWithoutLocation();
        assertThat(apply(t, nowhere, wanted(partNumber(E3)))).extracting(LicenseFailure::code)
                .containsExactly("UsageLocationMissing");
        assertThat(held(t, nowhere)).isEmpty();
        assertThat(storedCodes(t, nowhere)).containsExactly("UsageLocationMissing");

        UserId user = t.user("SE");
        apply(t, user, wanted(partNumber(EXCHANGE_PLAN_1)));
        // E3 added while Exchange Plan 1 stays: both Exchange plans at once
        assertThat(apply(t, user, wanted(partNumber(EXCHANGE_PLAN_1)), wanted(partNumber(E3))))
                .extracting(LicenseFailure::code).containsExactly("MutuallyExclusiveViolation");
        assertThat(held(t, user)).extracting(UserLicense::skuId).containsExactly(EXCHANGE_PLAN_1);
    }

    @Test
    void aValueNamingNoSubscribedProductIsAFailureAndTheOthersAreStillGiven() {
        Tenant t = fixture.tenant("SE", E3, 5);
        UserId user = t.user("SE");

        List<LicenseFailure> failures = apply(t, user, wanted("NO_SUCH_PRODUCT"), wanted(partNumber(E3)),
                wanted(AUDIO_CONFERENCING.toString()));

        assertThat(failures).extracting(LicenseFailure::code).containsExactly("CountViolation", "CountViolation");
        assertThat(failures).allSatisfy(f -> assertThat(f.skuId()).isNull());
        assertThat(failures.get(0).message()).contains("NO_SUCH_PRODUCT");
        assertThat(held(t, user)).extracting(UserLicense::skuId).containsExactly(E3);
        assertThat(jdbc.sql("SELECT product FROM scim_license_error WHERE customer_id = ? AND user_id = ? ORDER BY seq")
                .param(t.id().value()).param(user.value()).query(String.class).list())
                .containsExactly("NO_SUCH_PRODUCT", AUDIO_CONFERENCING.toString());
    }

    @Test
    void shownReadsManyUsersLicensesAndFailuresInOneCall() {
        Tenant t = fixture.tenant("SE", E3, 3, AUDIO_CONFERENCING, 10);
        List<UserId> users = t.users(5, "SE");
        for (UserId user : users) {
            apply(t, user, wanted(partNumber(E3)), wanted(partNumber(AUDIO_CONFERENCING)));
        }
        UserId replanned = users.get(0);
        apply(t, replanned, wanted(partNumber(E3), EXCHANGE_S_ENTERPRISE.toString()));
        UserId bare = t.user("SE");
        List<UserId> asked = new ArrayList<>(users);
        asked.add(bare);

        Map<UserId, Shown> shown = asToken(t, () -> licenses.shown(t.id(), asked));

        assertThat(shown).doesNotContainKey(bare);
        assertThat(shown.get(replanned).roles()).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(partNumber(E3));
            assertThat(r.display()).isEqualTo(catalog.rules().productName(E3));
            assertThat(r.skuId()).isEqualTo(E3.toString());
            assertThat(r.disabledPlans()).containsExactly(EXCHANGE_S_ENTERPRISE.toString());
        });
        assertThat(shown.get(users.get(1)).roles()).extracting(Role::value)
                .containsExactlyInAnyOrder(partNumber(E3), partNumber(AUDIO_CONFERENCING));
        assertThat(shown.get(users.get(1)).errors()).isEmpty();
        // three E3 seats: users 3 and 4 got none, and their failure shows
        for (UserId late : users.subList(3, 5)) {
            assertThat(shown.get(late).roles()).isEmpty();
            assertThat(shown.get(late).errors()).extracting(LicenseFailure::code).containsExactly("CountViolation");
        }
        assertThat(asToken(t, () -> licenses.shown(t.id(), List.of()))).isEmpty();
    }

    @Test
    void aFailureIsInTheActivityLogAsDoneByTheToken() {
        Tenant t = fixture.tenant("SE", E3, 5);
        UserId user = t.user("SE");

        apply(t, user, wanted("SPE_NOTHING"));

        var line = jdbc.sql("SELECT actor, details FROM activity_log WHERE customer_id = ? AND action = ?")
                .param(t.id().value()).param("scim.licenses-failed")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(line.get(0)).isEqualTo("SCIM token \"Entra ID\"");
        assertThat(line.get(1)).contains("SPE_NOTHING: CountViolation").contains(user.value().toString());
        // nothing failing: no line
        apply(t, user, wanted(partNumber(E3)));
        assertThat(jdbc.sql("SELECT count(*) FROM activity_log WHERE customer_id = ? AND action = ?")
                .param(t.id().value()).param("scim.licenses-failed").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aUserThatDoesNotExistIsAFailureNotAnException() {
        Tenant t = fixture.tenant("SE", E3, 5);
        UserId nobody = new UserId(UUID.randomUUID());

        assertThat(apply(t, nobody, wanted(partNumber(E3)))).extracting(LicenseFailure::code)
                .containsExactly("UserNotFound");
        assertThat(t.assigned(E3)).isZero();
    }

    @Test
    void theStoredFailuresGoWhenTheUserIsPurged() {
        Tenant t = fixture.tenant("SE", E3, 5);
        UserId user = t.user("SE");
        apply(t, user, wanted("NOT_SOLD_HERE"));
        assertThat(storedCodes(t, user)).containsExactly("CountViolation");

        t.delete(user);
        jdbc.sql("UPDATE app_user SET deleted_at = ? WHERE customer_id = ? AND id = ?")
                .param(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(400))))
                .param(t.id().value()).param(user.value()).update();
        // The purge's lock free: a lock row that has expired. Not deleted: ShedLock remembers that the row exists
        // and then only updates it, so a deleted row would keep the purge from running in this context. Another run
        // may still hold it a moment (a scheduled purge, which purges the user too): ask until the user is gone.
        Polling.atMost(Duration.ofSeconds(30)).until(() -> {
            java.sql.Timestamp past = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1));
            jdbc.sql("DELETE FROM shedlock WHERE name = 'purge-deleted-users'").update();
            jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('purge-deleted-users', ?,"
                    + " ?, 'test')").param(past).param(past).update();
            purge.purgeExpired();
            return jdbc.sql("SELECT count(*) FROM app_user WHERE id = ?").param(user.value()).query(Integer.class)
                    .single() == 0;
        });
        assertThat(storedCodes(t, user)).isEmpty();
    }
}
