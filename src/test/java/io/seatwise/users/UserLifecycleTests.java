package io.seatwise.users;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.seatwise.licensing.LicensingFixture.EXCHANGE_PLAN_1;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_S_ENTERPRISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Add with licenses, temporary passwords, edit, reset, delete, restore and purge; on H2 and on PostgreSQL. */
abstract class UserLifecycleTests extends ApiTestSupport {

    static final String TEMPORARY = "[A-HJ-NP-Za-km-np-z2-9]{5}(-[A-HJ-NP-Za-km-np-z2-9]{5}){3}";

    @Autowired
    LicensingFixture fixture;
    @Autowired
    UserPurge purge;

    Signed helpdesk;
    Tenant tenant;
    String domain;

    @BeforeEach
    void tenantWithTwoE3Seats() throws Exception {
        helpdesk = agents.create(Role.HELPDESK);
        tenant = fixture.tenant("US", LicensingFixture.E3, 2, EXCHANGE_PLAN_1, 5);
        domain = jdbc.sql("SELECT domain_name FROM customer_domain WHERE customer_id = ?").param(tenant.id().value())
                .query(String.class).single();
    }

    String users() {
        return "/api/v1/customers/" + tenant.id() + "/users";
    }

    String create(String name, String licenses) throws Exception {
        return read(postAs(helpdesk, users(), "{\"userPrincipalName\":\"" + name + "@" + domain
                + "\",\"displayName\":\"" + name + "\"" + (licenses == null ? "" : ",\"licensesToAssign\":"
                + licenses) + "}").andExpect(status().isCreated()), "$.id");
    }

    static String e3() {
        return "[{\"skuId\":\"" + E3 + "\"}]";
    }

    long activity(String action) {
        return count("SELECT count(*) FROM activity_log WHERE customer_id = ? AND action = ?", tenant.id().value(),
                action);
    }

    String state(String user) {
        return jdbc.sql("SELECT state FROM license_assignment WHERE customer_id = ? AND user_id = ? AND sku_id = ?")
                .param(tenant.id().value()).param(UUID.fromString(user)).param(UUID.fromString(E3))
                .query(String.class).optional().orElse(null);
    }

    @Test
    void addsAUserWithLicensesAndATemporaryPasswordShownOnceAndStoredOnlyAsAKeyedHash() throws Exception {
        var created = postAs(helpdesk, users(), "{\"userPrincipalName\":\"ann@" + domain + "\",\"firstName\":\"Ann\","
                + "\"lastName\":\"Lee\",\"directoryRole\":\"USER_ADMIN\",\"licensesToAssign\":[{\"skuId\":\"" + E3
                + "\",\"excludedPlans\":[\"" + EXCHANGE_S_ENTERPRISE + "\"]}]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.displayName").value("Ann Lee"))
                .andExpect(jsonPath("$.usageLocation").value("US"))
                .andExpect(jsonPath("$.directoryRole").value("USER_ADMIN"))
                .andExpect(jsonPath("$.temporaryPassword").value(matchesPattern(TEMPORARY)))
                .andExpect(jsonPath("$.licenses.status").value("succeeded"))
                .andExpect(jsonPath("$.licenses.errors", hasSize(0)));
        String id = read(created, "$.id");
        String password = read(created, "$.temporaryPassword");

        var row = jdbc.sql("SELECT password_hash, password_expires_at, must_change_password FROM app_user "
                + "WHERE customer_id = ? AND id = ?").param(tenant.id().value()).param(UUID.fromString(id))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3)})
                .single();
        assertThat((String) row[0]).startsWith("{tmp}").doesNotContain(password);
        assertThat((Instant) row[1]).isBetween(Instant.now().plus(Duration.ofDays(14)).minusSeconds(120),
                Instant.now().plus(Duration.ofDays(14)).plusSeconds(120));
        assertThat((Boolean) row[2]).isTrue();
        // The password appears nowhere else: not in the activity log, not when the user is read back
        assertThat(count("SELECT count(*) FROM activity_log WHERE details LIKE ? OR data LIKE ?", "%" + password + "%",
                "%" + password + "%")).isZero();
        getAs(helpdesk, users() + "/" + id).andExpect(jsonPath("$.temporaryPassword").doesNotExist());

        // The license went through the engine: a seat is taken, the disabled plan kept, a stored change written
        assertThat(tenant.assigned(LicensingFixture.E3)).isEqualTo(1);
        getAs(helpdesk, users() + "/" + id + "/licenses")
                .andExpect(jsonPath("$[0].skuId").value(E3.toString()))
                .andExpect(jsonPath("$[0].excludedPlans[0]").value(EXCHANGE_S_ENTERPRISE.toString()));
        assertThat(tenant.changes()).isEqualTo(1);
        assertThat(activity("user.created")).isEqualTo(1);
        assertThat(activity("licenses.changed")).isEqualTo(1);
    }

    @Test
    void aUserIsCreatedEvenWhenItsLicenseHasNoSeatAndTheFailureIsReported() throws Exception {
        create("a", e3());
        create("b", e3());
        var third = postAs(helpdesk, users(), "{\"userPrincipalName\":\"c@" + domain + "\",\"displayName\":\"C\","
                + "\"licensesToAssign\":" + e3() + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.licenses.status").value("failed"))
                .andExpect(jsonPath("$.licenses.errors[0].code").value("CountViolation"))
                .andExpect(jsonPath("$.licenses.errors[0].skuId").value(E3.toString()))
                .andExpect(jsonPath("$.licenses.errors[0].products[0]").value(E3.toString()))
                .andExpect(jsonPath("$.licenses.errors[0].servicePlans").isEmpty());
        assertThat(state(read(third, "$.id"))).isNull();
        assertThat(tenant.assigned(LicensingFixture.E3)).isEqualTo(2);
        assertThat(tenant.activeAssignments(LicensingFixture.E3)).isEqualTo(2);
    }

    @Test
    void badLicensesAtCreationAreRefusedAndCreateNobody() throws Exception {
        long before = count("SELECT count(*) FROM app_user WHERE customer_id = ?", tenant.id().value());
        // A product the customer has no subscription for
        postAs(helpdesk, users(), "{\"userPrincipalName\":\"x@" + domain + "\",\"displayName\":\"X\","
                + "\"licensesToAssign\":[{\"skuId\":\"" + LicensingFixture.TEAMS_PHONE + "\"}]}")
                .andExpect(problem(400, "not-subscribed", "licensesToAssign"));
        // A service plan that is not the product's
        postAs(helpdesk, users(), "{\"userPrincipalName\":\"x@" + domain + "\",\"displayName\":\"X\","
                + "\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\",\"excludedPlans\":[\"" + UUID.randomUUID()
                + "\"]}]}")
                .andExpect(problem(400, "unknown-plan"));
        postAs(helpdesk, users(), "{\"userPrincipalName\":\"x@" + domain + "\",\"displayName\":\"X\","
                + "\"licensesToAssign\":[{\"excludedPlans\":[]}]}")
                .andExpect(problem(400, "validation", "licensesToAssign[0].skuId"));
        assertThat(count("SELECT count(*) FROM app_user WHERE customer_id = ?", tenant.id().value()))
                .isEqualTo(before);
    }

    @Test
    void editsNamesLocationRoleAndSignInBlockingAndRefusesBadEdits() throws Exception {
        String id = create("edit", null);
        patchAs(helpdesk, users() + "/" + id, "{\"firstName\":\"Åsa\",\"lastName\":null,\"displayName\":\"Åsa B\","
                + "\"usageLocation\":\"se\",\"directoryRole\":\"HELPDESK_ADMIN\",\"signInBlocked\":true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstName").value("Åsa"))
                .andExpect(jsonPath("$.lastName").doesNotExist())
                .andExpect(jsonPath("$.displayName").value("Åsa B"))
                .andExpect(jsonPath("$.usageLocation").value("SE"))
                .andExpect(jsonPath("$.directoryRole").value("HELPDESK_ADMIN"))
                .andExpect(jsonPath("$.signInBlocked").value(true));
        // Fields not sent stay
        patchAs(helpdesk, users() + "/" + id, "{\"signInBlocked\":false}")
                .andExpect(jsonPath("$.displayName").value("Åsa B"))
                .andExpect(jsonPath("$.signInBlocked").value(false));
        assertThat(activity("user.updated")).isEqualTo(2);

        patchAs(helpdesk, users() + "/" + id, "{\"displayName\":\"\"}").andExpect(problem(400, "validation",
                "displayName"));
        patchAs(helpdesk, users() + "/" + id, "{\"firstName\":\"" + "x".repeat(51) + "\"}")
                .andExpect(problem(400, "validation", "firstName"));
        patchAs(helpdesk, users() + "/" + id, "{\"usageLocation\":\"XX\"}").andExpect(problem(400, "validation",
                "usageLocation"));
        patchAs(helpdesk, users() + "/" + id, "{\"directoryRole\":\"KING\"}").andExpect(problem(400, "validation",
                "directoryRole"));
        patchAs(helpdesk, users() + "/" + id, "{\"signInBlocked\":\"yes\"}").andExpect(problem(400, "validation",
                "signInBlocked"));
        patchAs(helpdesk, users() + "/" + id, "{\"userPrincipalName\":\"new@" + domain + "\"}")
                .andExpect(problem(400, "validation", "userPrincipalName"));
        patchAs(helpdesk, users() + "/" + id, "[1]").andExpect(problem(400, "validation"));
        patchAs(helpdesk, users() + "/" + UUID.randomUUID(), "{\"signInBlocked\":true}")
                .andExpect(problem(404, "not-found"));
        // Nothing of that changed anything
        getAs(helpdesk, users() + "/" + id).andExpect(jsonPath("$.displayName").value("Åsa B"))
                .andExpect(jsonPath("$.usageLocation").value("SE"));
        assertThat(activity("user.updated")).isEqualTo(2);
    }

    @Test
    void resetGivesANewTemporaryPasswordThatMustBeChanged() throws Exception {
        var created = postAs(helpdesk, users(), "{\"userPrincipalName\":\"r@" + domain + "\",\"displayName\":\"R\"}");
        String id = read(created, "$.id");
        String first = read(created, "$.temporaryPassword");
        jdbc.sql("UPDATE app_user SET must_change_password = FALSE WHERE id = ?").param(UUID.fromString(id)).update();
        String hashBefore = hash(id);

        var reset = postAs(helpdesk, users() + "/" + id + "/resetpassword", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(id))
                .andExpect(jsonPath("$.temporaryPassword").value(matchesPattern(TEMPORARY)));
        assertThat(read(reset, "$.temporaryPassword")).isNotEqualTo(first);
        assertThat(hash(id)).startsWith("{tmp}").isNotEqualTo(hashBefore);
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ? AND must_change_password",
                UUID.fromString(id))).isEqualTo(1);
        assertThat(activity("user.password-reset")).isEqualTo(1);
        postAs(helpdesk, users() + "/" + UUID.randomUUID() + "/resetpassword", "").andExpect(problem(404,
                "not-found"));
    }

    String hash(String id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(UUID.fromString(id))
                .query(String.class).single();
    }

    @Test
    void deleteFreesTheSeatsKeepsTheAssignmentsAndTheUserName() throws Exception {
        String id = create("gone", e3());
        assertThat(tenant.assigned(LicensingFixture.E3)).isEqualTo(1);

        mvc.perform(delete(users() + "/" + id).header("Authorization", helpdesk.bearer()))
                .andExpect(status().isNoContent());

        assertThat(tenant.assigned(LicensingFixture.E3)).isZero();
        assertThat(state(id)).isEqualTo("SUSPENDED");
        getAs(helpdesk, users() + "/" + id).andExpect(jsonPath("$.deletedAt").exists());
        getAs(helpdesk, users()).andExpect(jsonPath("$.totalCount").value(0));
        getAs(helpdesk, "/api/v1/customers/" + tenant.id() + "/deletedusers")
                .andExpect(jsonPath("$.totalCount").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].restorableUntil").exists());
        assertThat(activity("user.deleted")).isEqualTo(1);

        // A deleted user cannot be edited, reset or deleted again, nor given licenses
        patchAs(helpdesk, users() + "/" + id, "{\"signInBlocked\":true}").andExpect(problem(409, "user-deleted"));
        postAs(helpdesk, users() + "/" + id + "/resetpassword", "").andExpect(problem(409, "user-deleted"));
        mvc.perform(delete(users() + "/" + id).header("Authorization", helpdesk.bearer()))
                .andExpect(problem(409, "user-deleted"));
        postAs(helpdesk, users() + "/" + id + "/licenseupdates", "{\"licensesToAssign\":" + e3() + "}")
                .andExpect(jsonPath("$.results[0].errors[0].code").value("UserDeleted"));
        assertThat(tenant.assigned(LicensingFixture.E3)).isZero();
    }

    @Test
    void restoreBringsBackTheAccountWithItsLicensesAndDisabledPlansWhereSeatsAreFree() throws Exception {
        String first = read(postAs(helpdesk, users(), "{\"userPrincipalName\":\"one@" + domain + "\","
                + "\"displayName\":\"One\",\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\",\"excludedPlans\":[\""
                + EXCHANGE_S_ENTERPRISE + "\"]}]}"), "$.id");
        String second = create("two", e3());
        deleteUser(first);
        deleteUser(second);
        // Meanwhile one of the two freed seats is taken
        create("three", e3());
        assertThat(tenant.assigned(LicensingFixture.E3)).isEqualTo(1);

        postAs(helpdesk, "/api/v1/customers/" + tenant.id() + "/deletedusers/restore",
                "{\"userIds\":[\"" + first + "\",\"" + second + "\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restored").value(2))
                .andExpect(jsonPath("$.results[0].userId").value(first))
                .andExpect(jsonPath("$.results[0].status").value("restored"))
                .andExpect(jsonPath("$.results[0].restoredLicenses[0]").value(E3.toString()))
                .andExpect(jsonPath("$.results[0].notRestored", hasSize(0)))
                .andExpect(jsonPath("$.results[1].status").value("restored"))
                .andExpect(jsonPath("$.results[1].restoredLicenses", hasSize(0)))
                .andExpect(jsonPath("$.results[1].notRestored[0].skuId").value(E3.toString()))
                .andExpect(jsonPath("$.results[1].notRestored[0].code").value("CountViolation"));

        assertThat(tenant.assigned(LicensingFixture.E3)).isEqualTo(2);
        assertThat(tenant.activeAssignments(LicensingFixture.E3)).isEqualTo(2);
        assertThat(state(second)).as("a license not restored is forgotten, not left suspended").isNull();
        getAs(helpdesk, users() + "/" + first + "/licenses")
                .andExpect(jsonPath("$[0].excludedPlans[0]").value(EXCHANGE_S_ENTERPRISE.toString()));
        getAs(helpdesk, users() + "/" + first).andExpect(jsonPath("$.deletedAt").doesNotExist());
        // The user that lost its license can be given one later (no suspended row in the way)
        postAs(helpdesk, users() + "/" + second + "/licenseupdates", "{\"licensesToAssign\":[{\"skuId\":\""
                + EXCHANGE_PLAN_1 + "\"}]}").andExpect(jsonPath("$.succeeded").value(1));
        assertThat(activity("users.restored")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT data FROM activity_log WHERE customer_id = ? AND action = 'users.restored'")
                .param(tenant.id().value()).query(String.class).single())
                .contains("\"restored\":2").contains("\"licensesRestored\":1")
                .contains("\"licensesNotRestored\":1");
    }

    @Test
    void restoreReportsPerUserWhatCouldNotBeRestoredAndWhy() throws Exception {
        String taken = create("taken", null);
        String expired = create("expired", null);
        String live = create("live", null);
        deleteUser(taken);
        deleteUser(expired);
        // The name of a deleted user is free: somebody else takes it
        create("taken", null);
        jdbc.sql("UPDATE app_user SET deleted_at = ? WHERE id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofDays(31)))).param(UUID.fromString(expired))
                .update();
        Tenant other = fixture.tenant("US");
        String foreign = other.user("US").toString();
        other.delete(other.users(1, "US").get(0));
        String unknown = UUID.randomUUID().toString();

        postAs(helpdesk, "/api/v1/customers/" + tenant.id() + "/deletedusers/restore", "{\"userIds\":[\"" + taken
                + "\",\"" + expired + "\",\"" + live + "\",\"" + foreign + "\",\"" + unknown + "\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restored").value(0))
                .andExpect(jsonPath("$.failed").value(5))
                .andExpect(jsonPath("$.results[0].errors[0].code").value("UserNameConflict"))
                .andExpect(jsonPath("$.results[1].errors[0].code").value("RetentionExpired"))
                .andExpect(jsonPath("$.results[2].errors[0].code").value("UserNotDeleted"))
                .andExpect(jsonPath("$.results[3].errors[0].code").value("UserNotFound"))
                .andExpect(jsonPath("$.results[4].errors[0].code").value("UserNotFound"));
        assertThat(count("SELECT count(*) FROM app_user WHERE customer_id = ? AND deleted_at IS NOT NULL",
                tenant.id().value())).isEqualTo(2);

        postAs(helpdesk, "/api/v1/customers/" + tenant.id() + "/deletedusers/restore", "{\"userIds\":[]}")
                .andExpect(problem(400, "validation", "userIds"));
        postAs(helpdesk, "/api/v1/customers/" + tenant.id() + "/deletedusers/restore", "{\"userIds\":[\"x\"]}")
                .andExpect(status().isBadRequest());
        postAs(helpdesk, "/api/v1/customers/" + UUID.randomUUID() + "/deletedusers/restore",
                "{\"userIds\":[\"" + taken + "\"]}").andExpect(problem(404, "not-found"));
    }

    @Test
    void twoDeletedUsersOfOneNameInOneRestoreConflictUserByUserNotAsAWhole() throws Exception {
        // Deleted, made again, deleted again: two deleted users named "twin", and one other
        String first = create("twin", null);
        deleteUser(first);
        String second = create("twin", null);
        deleteUser(second);
        String other = create("other", null);
        deleteUser(other);

        postAs(helpdesk, "/api/v1/customers/" + tenant.id() + "/deletedusers/restore", "{\"userIds\":[\"" + second
                + "\",\"" + first + "\",\"" + other + "\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restored").value(2))
                .andExpect(jsonPath("$.results[0].status").value("restored"))
                .andExpect(jsonPath("$.results[1].status").value("failed"))
                .andExpect(jsonPath("$.results[1].errors[0].code").value("UserNameConflict"))
                .andExpect(jsonPath("$.results[2].status").value("restored"));
        assertThat(count("SELECT count(*) FROM app_user WHERE customer_id = ? AND deleted_at IS NULL",
                tenant.id().value())).isEqualTo(2);
    }

    @Test
    void purgeRemovesUsersPastRetentionForGoodOnceAcrossInstances() throws Exception {
        String old = create("old", e3());
        String recent = create("recent", e3());
        deleteUser(old);
        deleteUser(recent);
        jdbc.sql("UPDATE app_user SET deleted_at = ? WHERE id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofDays(31)))).param(UUID.fromString(old)).update();

        // Another instance holds the purge lock: this one does nothing
        jdbc.sql("DELETE FROM shedlock").update();
        jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('purge-deleted-users', ?, ?, "
                + "'other-node')").param(Timestamp.from(Instant.now().plusSeconds(600)))
                .param(Timestamp.from(Instant.now())).update();
        assertThat(purge.purgeExpired()).isNull();
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ?", UUID.fromString(old))).isEqualTo(1);

        // Once the lock is free, the user past retention goes, with its remembered licenses; the recent one stays
        jdbc.sql("UPDATE shedlock SET lock_until = ? WHERE name = 'purge-deleted-users'")
                .param(Timestamp.from(Instant.now().minusSeconds(1))).update();
        assertThat(purge.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ?", UUID.fromString(old))).isZero();
        assertThat(count("SELECT count(*) FROM license_assignment WHERE user_id = ?", UUID.fromString(old))).isZero();
        assertThat(count("SELECT count(*) FROM license_disabled_plan WHERE user_id = ?", UUID.fromString(old)))
                .isZero();
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ?", UUID.fromString(recent))).isEqualTo(1);
        assertThat(state(recent)).isEqualTo("SUSPENDED");
        assertThat(activity("users.purged")).isEqualTo(1);
        assertThat(tenant.assigned(LicensingFixture.E3)).isZero();
    }

    void deleteUser(String id) throws Exception {
        mvc.perform(delete(users() + "/" + id).header("Authorization", helpdesk.bearer()))
                .andExpect(status().isNoContent());
    }
}
