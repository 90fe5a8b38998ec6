package io.seatwise.provisioning;

import java.util.List;
import java.util.UUID;

import io.seatwise.access.SystemActor;
import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.RestoreResult;
import io.seatwise.users.UserId;
import io.seatwise.users.UsersService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SCIM writes to {@code /Users/{id}}: PUT (replace, rename, deactivate and reactivate), DELETE (soft, restorable in
 * the users module), {@code If-Match}/{@code If-None-Match}, and the activity log naming the token; on H2 and
 * PostgreSQL.
 */
abstract class ScimUserWritesTests extends ScimUsersTestSupport {

    @Autowired
    UsersService users;

    String put(String localPart, boolean active) {
        return """
                {"schemas":["%s"],"userName":"%s@%s","active":%s,"displayName":"Renamed Person"}
                """.formatted(CORE, localPart, tenant.domain(), active);
    }

    boolean blocked(String id) {
        return jdbc.sql("SELECT sign_in_blocked FROM app_user WHERE id = ?").param(UUID.fromString(id))
                .query(Boolean.class).single();
    }

    @Test
    void putReplacesTheUserClearingWhatItLeavesOut() throws Exception {
        String id = created("ann", "ext-ann");
        send(HttpMethod.PUT, "/Users/" + id, put("ann", true)).andExpect(status().isOk())
                .andExpect(header().exists("ETag")).andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.displayName").value("Renamed Person"))
                .andExpect(jsonPath("$.name").doesNotExist()).andExpect(jsonPath("$.externalId").doesNotExist())
                .andExpect(jsonPath("$.preferredLanguage").doesNotExist())
                .andExpect(jsonPath("$.addresses").doesNotExist())
                // a user always has a usage location: kept
                .andExpect(jsonPath("$['" + SEATWISE + "'].usageLocation").value("DK"));
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ? AND first_name IS NULL AND last_name IS NULL"
                + " AND external_id IS NULL AND preferred_language IS NULL AND country IS NULL",
                UUID.fromString(id))).isEqualTo(1);
        // readOnly attributes sent back are ignored; an Okta PUT of the whole user sets it all again
        String okta = user("ann", "okta-00u1").replace("{\"schemas\"", "{\"id\":\"x\",\"meta\":{\"version\":\"W/\\\"1\\\"\"},"
                + "\"schemas\"");
        send(HttpMethod.PUT, "/Users/" + id, okta).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.externalId").value("okta-00u1"))
                .andExpect(jsonPath("$.name.givenName").value("Ann"));
    }

    @Test
    void putRenamesWithinTheCustomersDomainsToAFreeName() throws Exception {
        String id = created("ann", "ext-ann");
        created("bea", "ext-bea");
        send(HttpMethod.PUT, "/Users/" + id, put("ann.lee", true)).andExpect(status().isOk())
                .andExpect(jsonPath("$.userName").value("ann.lee@" + tenant.domain()))
                .andExpect(jsonPath("$.emails[0].value").value("ann.lee@" + tenant.domain()));
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ? AND user_name_key = ?", UUID.fromString(id),
                "ann.lee@" + tenant.domain())).isEqualTo(1);
        send(HttpMethod.PUT, "/Users/" + id, put("BEA", true)).andExpect(scimError(409, "uniqueness"));
        send(HttpMethod.PUT, "/Users/" + id, put("ann", true).replace(tenant.domain(), "other.example"))
                .andExpect(scimError(400, "invalidValue"))
                .andExpect(jsonPath("$.detail", containsString("other.example")));
        String taken = user("ann.lee", "ext-bea");
        send(HttpMethod.PUT, "/Users/" + id, taken).andExpect(scimError(409, "uniqueness"))
                .andExpect(jsonPath("$.detail", containsString("ext-bea")));
    }

    @Test
    void activeFalseBlocksSignInAndTrueAllowsItAgain() throws Exception {
        String id = created("ann", "ext-ann");
        send(HttpMethod.PUT, "/Users/" + id, put("ann", false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        assertThat(blocked(id)).isTrue();
        // still returned, by id and by filter, as Entra and Okta need
        get("/Users/" + id).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        get("/Users?filter=active%20eq%20false").andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].id").value(id));
        // Entra's string form
        send(HttpMethod.PUT, "/Users/" + id, put("ann", true).replace("\"active\":true", "\"active\":\"True\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        assertThat(blocked(id)).isFalse();
        // created inactive
        String off = read(send(HttpMethod.POST, "/Users", user("off", "ext-off").replace("\"active\":true",
                "\"active\":\"False\"")).andExpect(status().isCreated()).andExpect(jsonPath("$.active").value(false)),
                "$.id");
        assertThat(blocked(off)).isTrue();
    }

    @Test
    void deactivatingEndsTheUsersSessionsAndTokensAsTheConsoleDoes() throws Exception {
        Member admin = customerUsers.create(tenant, DirectoryRole.GLOBAL_ADMIN);
        String users = "/api/v1/customers/" + tenant.id() + "/users";
        mvc.perform(MockMvcRequestBuilders.get(users).header("Authorization", admin.bearer())).andExpect(status().isOk());
        String localPart = admin.userName().substring(0, admin.userName().indexOf('@'));
        send(HttpMethod.PUT, "/Users/" + admin.id().value(), put(localPart, false)).andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get(users).header("Authorization", admin.bearer())).andExpect(status().isUnauthorized());
    }

    @Autowired
    io.seatwise.catalog.CatalogService catalog;

    /** With the real licensing engine: roles give products, a PUT without them keeps them, a PATCH takes them. */
    @Test
    void rolesGiveLicensesThroughTheEngineAndAFailureIsOnTheResource() throws Exception {
        String e3 = catalog.rules().partNumber(io.seatwise.catalog.SkuId.of(E3));
        String withRoles = user("ann", "ext-ann").replace("\"active\":true", "\"active\":true,\"roles\":[{\"primary\":"
                + "false,\"type\":\"WindowsAzureActiveDirectoryRole\",\"value\":\"" + e3 + "\"}]");
        String id = read(send(HttpMethod.POST, "/Users", withRoles).andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles[0].value").value(e3))
                .andExpect(jsonPath("$['" + SEATWISE + "'].licenses[0].skuId").value(E3)), "$.id");
        send(HttpMethod.PUT, "/Users/" + id, user("ann", "ext-ann")).andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0].value").value(e3));
        send(HttpMethod.PATCH, "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"remove\",\"path\":\"roles\"}]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.roles").doesNotExist());
        assertThat(count("SELECT count(*) FROM license_assignment WHERE user_id = ? AND state = 'ACTIVE'",
                UUID.fromString(id))).isZero();
        // a product the customer does not have: the user is created all the same, the failure on it
        send(HttpMethod.POST, "/Users", user("bo", "ext-bo").replace("\"active\":true",
                "\"active\":true,\"roles\":[{\"value\":\"NO_SUCH_PRODUCT\"}]")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles").doesNotExist())
                .andExpect(jsonPath("$['" + SEATWISE + "'].licenseErrors[0].code").value("CountViolation"));
    }

    /**
     * B10's shape with too few seats: one customer's users POSTed with a role by 8 clients at once. The seats are
     * taken as each request commits; none is given twice, and each user without one is created with the failure.
     */
    @Test
    void concurrentPostsWithRolesNeverOversubscribeAndTheUsersWithoutASeatCarryTheFailure() throws Exception {
        String e3 = catalog.rules().partNumber(io.seatwise.catalog.SkuId.of(E3));
        int seats = 5;
        int posted = 24;
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < posted; i++) {
            String body = user("u" + i, "ext-u" + i).replace("\"active\":true", "\"active\":true,\"roles\":[{"
                    + "\"value\":\"" + e3 + "\"}]");
            answers.add(clients.submit(() -> send(HttpMethod.POST, "/Users", body).andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString()));
        }
        clients.shutdown();
        int licensed = 0;
        int failed = 0;
        for (java.util.concurrent.Future<String> answer : answers) {
            String resource = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (resource.contains("\"CountViolation\"")) {
                failed++;
                assertThat(resource).doesNotContain("\"roles\"");
            } else {
                licensed++;
                assertThat(resource).contains("\"roles\"");
            }
        }

        assertThat(licensed).isEqualTo(seats);
        assertThat(failed).isEqualTo(posted - seats);
        assertThat(count("SELECT assigned FROM subscription WHERE customer_id = ? AND sku_id = ?", tenant.id().value(),
                UUID.fromString(E3))).isEqualTo(seats);
        assertThat(count("SELECT count(*) FROM license_assignment WHERE customer_id = ? AND sku_id = ? AND state = "
                + "'ACTIVE'", tenant.id().value(), UUID.fromString(E3))).isEqualTo(seats);
        assertThat(count("SELECT count(*) FROM scim_license_error WHERE customer_id = ? AND code = 'CountViolation'",
                tenant.id().value())).isEqualTo(posted - seats);
        assertThat(count("SELECT count(*) FROM app_user WHERE customer_id = ? AND user_principal_name LIKE 'u%'",
                tenant.id().value())).isEqualTo(posted);
    }

    @Test
    void ifMatchMustNameTheCurrentVersion() throws Exception {
        var created = send(HttpMethod.POST, "/Users", user("ann", "ext-ann")).andExpect(status().isCreated());
        String id = read(created, "$.id");
        String version = created.andReturn().getResponse().getHeader("ETag");
        mvc.perform(call(HttpMethod.GET, "/Users/" + id).header("If-None-Match", version))
                .andExpect(status().isNotModified()).andExpect(header().string("ETag", version));
        mvc.perform(call(HttpMethod.PUT, "/Users/" + id).header("If-Match", "W/\"stale\"").contentType(SCIM_JSON)
                .content(put("ann", true))).andExpect(scimError(412, null));
        mvc.perform(call(HttpMethod.DELETE, "/Users/" + id).header("If-Match", "W/\"stale\""))
                .andExpect(scimError(412, null));
        var changed = mvc.perform(call(HttpMethod.PUT, "/Users/" + id).header("If-Match", version)
                .contentType(SCIM_JSON).content(put("ann", true))).andExpect(status().isOk());
        String next = changed.andReturn().getResponse().getHeader("ETag");
        assertThat(next).isNotEqualTo(version).isEqualTo(read(changed, "$.meta.version"));
        mvc.perform(call(HttpMethod.GET, "/Users/" + id).header("If-None-Match", version))
                .andExpect(status().isOk());
        // the same content, the same version
        send(HttpMethod.PUT, "/Users/" + id, put("ann", true)).andExpect(header().string("ETag", next));
        mvc.perform(call(HttpMethod.DELETE, "/Users/" + id).header("If-Match", version))
                .andExpect(scimError(412, null));
        mvc.perform(call(HttpMethod.DELETE, "/Users/" + id).header("If-Match", next))
                .andExpect(status().isNoContent());
    }

    @Test
    void concurrentWritesNamingTheSameVersionLetOnlyOneThrough() throws Exception {
        var created = send(HttpMethod.POST, "/Users", user("ann", "ext-ann")).andExpect(status().isCreated());
        String id = read(created, "$.id");
        String version = created.andReturn().getResponse().getHeader("ETag");
        int writers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(call(HttpMethod.PUT, "/Users/" + id).header("If-Match", version)
                            .contentType(SCIM_JSON).content(put("ann", false))).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            // Each read the version before it wrote: only the first writer's still holds, the others get 412
            assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(blocked(id)).isTrue();
    }

    @Test
    void concurrentLicenseFailuresForOneUserAreStoredOnceWithoutAServerError() throws Exception {
        String id = created("ann", "ext-ann");
        String body = put("ann", true).replace("\"active\":true",
                "\"active\":true,\"roles\":[{\"value\":\"NO_SUCH_PRODUCT\"}]");
        int writers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(call(HttpMethod.PUT, "/Users/" + id).contentType(SCIM_JSON).content(body))
                            .andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // Each PUT replaced the failures the one before stored: one is left
        assertThat(count("SELECT count(*) FROM scim_license_error WHERE user_id = ?", UUID.fromString(id)))
                .isEqualTo(1);
    }

    @Test
    void deleteIsSoftAndTheUserRestorableInTheUsersModule() throws Exception {
        String id = created("ann", "ext-ann");
        mvc.perform(call(HttpMethod.DELETE, "/Users/" + id)).andExpect(status().isNoContent());
        get("/Users/" + id).andExpect(scimError(404, null));
        mvc.perform(call(HttpMethod.DELETE, "/Users/" + id)).andExpect(scimError(404, null));
        send(HttpMethod.PUT, "/Users/" + id, put("ann", true)).andExpect(scimError(404, null));
        get("/Users?filter=externalId%20eq%20%22ext-ann%22").andExpect(jsonPath("$.totalResults").value(0));
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ? AND deleted_at IS NOT NULL",
                UUID.fromString(id))).isEqualTo(1);
        // its user name and external id are free meanwhile
        String again = created("ann", "ext-ann");
        mvc.perform(call(HttpMethod.DELETE, "/Users/" + again)).andExpect(status().isNoContent());

        List<RestoreResult> restored = SystemActor.call(() -> users.restore(tenant.id(),
                List.of(new UserId(UUID.fromString(id)))));
        assertThat(restored).singleElement().extracting(RestoreResult::restored).isEqualTo(true);
        get("/Users/" + id).andExpect(status().isOk()).andExpect(jsonPath("$.externalId").value("ext-ann"));
    }

    @Test
    void theActivityLogNamesTheTokenAsActor() throws Exception {
        String id = created("ann", "ext-ann");
        send(HttpMethod.PUT, "/Users/" + id, put("ann", false)).andExpect(status().isOk());
        mvc.perform(call(HttpMethod.DELETE, "/Users/" + id)).andExpect(status().isNoContent());
        List<String> actions = jdbc.sql("SELECT action FROM activity_log WHERE customer_id = ? AND actor = ?"
                        + " ORDER BY occurred_at")
                .param(tenant.id().value()).param("SCIM token \"" + tokenName + "\"").query(String.class).list();
        assertThat(actions).containsSubsequence("user.created", "user.updated", "user.deleted");
        String details = jdbc.sql("SELECT details FROM activity_log WHERE customer_id = ? AND action = 'user.updated'")
                .param(tenant.id().value()).query(String.class).single();
        assertThat(details).contains("signInBlocked", "externalId", "displayName");
    }
}
