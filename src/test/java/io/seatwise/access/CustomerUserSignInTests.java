package io.seatwise.access;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.access.TestCustomerUsers.Tenant;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.UserPurge;
import io.seatwise.users.UserUpdate;
import io.seatwise.users.UsersService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Customer users sign in at the console's form and the token endpoint: temporary passwords that must be replaced
 * first, blocked, deleted and expired accounts refused, the self-service page of users that administer nothing,
 * API tokens of customer administrators, and sessions and tokens that follow the account at once.
 */
abstract class CustomerUserSignInTests extends ApiTestSupport {

    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    UsersService users;
    @Autowired
    AgentService agentService;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    UserPurge purge;

    Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = customerUsers.tenant(5);
    }

    static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    ResultActions createToken(String name, String password) throws Exception {
        return mvc.perform(post("/api/v1/tokens").header("Authorization", basic(name, password))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"laptop\"}"));
    }

    MockHttpSession signIn(String name, String password, String landing) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(name).password(password))
                // The fixtures' names are in lower case: whatever case was typed, the stored name signs in
                .andExpect(authenticated().withUsername(name.toLowerCase(Locale.ROOT)))
                .andExpect(redirectedUrl(landing))
                .andReturn().getRequest().getSession(false);
    }

    String users(Member m) {
        return "/customers/" + m.customerId() + "/users";
    }

    long activity(String action, String actor) {
        return count("SELECT count(*) FROM activity_log WHERE action = ? AND actor = ?", action, actor);
    }

    Object[] passwordRow(Member m) {
        return jdbc.sql("SELECT password_hash, must_change_password, password_expires_at FROM app_user "
                        + "WHERE customer_id = ? AND id = ?").param(m.customerId().value()).param(m.id().value())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3)}).single();
    }

    void block(Member m, boolean blocked) {
        SystemActor.run(() -> users.update(m.customerId(), m.id(), new UserUpdate(null, null, null, null, null,
                blocked)));
    }

    @Test
    void aUserSignsInWithItsTemporaryPasswordAndMustChooseItsOwnBeforeAnythingElse() throws Exception {
        // Given a user just created with a temporary password (stored as a keyed hash, to be changed)
        Member user = customerUsers.withTemporaryPassword(tenant, DirectoryRole.NONE);
        assertThat((String) passwordRow(user)[0]).startsWith("{tmp}");

        // When it signs in with its user name in capitals, Then it reaches nothing but the password page
        MockHttpSession session = signIn(user.userName().toUpperCase(Locale.ROOT), user.temporaryPassword(),
                "/account");
        for (String page : List.of("/account", "/customers", users(user), "/account/tokens", "/agents", "/")) {
            mvc.perform(get(page).session(session)).andExpect(redirectedUrl("/account/password"));
        }
        mvc.perform(get("/account/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You signed in with a temporary password")));

        // The agents' policy applies: at least 12 characters, and the current password must be right
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", user.temporaryPassword()).param("newPassword", "too-short")
                        .param("confirmPassword", "too-short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"newPassword-error\"")));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", "not-the-temporary-one").param("newPassword", "my-own-passphrase")
                        .param("confirmPassword", "my-own-passphrase"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"currentPassword-error\"")));
        assertThat((String) passwordRow(user)[0]).startsWith("{tmp}");

        // When it chooses its own, Then it is stored with Argon2id, no longer to be changed, no longer expiring
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", user.temporaryPassword()).param("newPassword", "my-own-passphrase")
                        .param("confirmPassword", "my-own-passphrase"))
                .andExpect(redirectedUrl("/account?passwordChanged"));
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        Object[] row = passwordRow(user);
        assertThat((String) row[0]).startsWith("{argon2}$argon2id$");
        assertThat((Boolean) row[1]).isFalse();
        assertThat(row[2]).isNull();
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'user.password-changed' AND actor = ? "
                + "AND customer_id = ?", user.userName(), tenant.id().value())).isEqualTo(1);

        // And it signs in again with the new password only
        mvc.perform(formLogin("/login").user(user.userName()).password(user.temporaryPassword()))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        MockHttpSession again = signIn(user.userName(), "my-own-passphrase", "/account");
        mvc.perform(get("/account").session(again)).andExpect(status().isOk());
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"NONE", "HELPDESK_ADMIN", "BILLING_ADMIN"})
    void aCustomerUserThatAdministersNothingSeesOnlyItsOwnAccount(DirectoryRole role) throws Exception {
        Member user = customerUsers.create(tenant, role);

        MockHttpSession session = signIn(user.userName(), TestCustomerUsers.PASSWORD, "/account");

        mvc.perform(get("/account").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(user.userName()),
                        containsString("data-testid=\"account-name\">" + user.userName().substring(0,
                                user.userName().indexOf('@')) + "<"),
                        containsString("href=\"/account/password\""), containsString("action=\"/logout\""),
                        not(containsString("href=\"/account/tokens\"")), not(containsString("href=\"/customers\"")))));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
        for (String page : List.of("/customers", "/customers/" + tenant.id(), users(user), "/account/tokens",
                "/agents", "/activity", "/")) {
            mvc.perform(get(page).session(session)).andExpect(redirectedUrl("/account"));
        }
        // Nor does it get into the API
        createToken(user.userName(), TestCustomerUsers.PASSWORD).andExpect(problem(403, "forbidden"));
        assertThat(count("SELECT count(*) FROM api_token WHERE user_id = ?", user.id().value())).isZero();
    }

    @Test
    void aCustomerAdministratorLandsOnItsOwnUsers() throws Exception {
        for (DirectoryRole role : List.of(DirectoryRole.GLOBAL_ADMIN, DirectoryRole.USER_ADMIN)) {
            Member admin = customerUsers.create(tenant, role);

            MockHttpSession session = signIn(admin.userName(), TestCustomerUsers.PASSWORD, users(admin));

            mvc.perform(get(users(admin)).session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString(admin.userName()),
                            containsString("href=\"/account/tokens\""), not(containsString("href=\"/agents\"")),
                            not(containsString("href=\"/activity\"")))));
            mvc.perform(get("/").session(session)).andExpect(redirectedUrl(users(admin)));
        }
    }

    @Test
    void anExpiredTemporaryPasswordIsRefusedLikeAnAgents() throws Exception {
        Member user = customerUsers.withTemporaryPassword(tenant, DirectoryRole.USER_ADMIN);
        jdbc.sql("UPDATE app_user SET password_expires_at = ? WHERE customer_id = ? AND id = ?")
                .param(Timestamp.from(Instant.now().minusSeconds(60))).param(tenant.id().value())
                .param(user.id().value()).update();

        mvc.perform(formLogin("/login").user(user.userName()).password(user.temporaryPassword()))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        createToken(user.userName(), user.temporaryPassword()).andExpect(problem(401, "unauthorized"));

        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ? "
                + "AND data LIKE '%\"reason\":\"password-expired\"%'", user.userName())).isEqualTo(2);
    }

    @Test
    void blockedAndDeletedUsersCannotSignIn() throws Exception {
        Member blocked = customerUsers.create(tenant, DirectoryRole.GLOBAL_ADMIN);
        Member deleted = customerUsers.create(tenant, DirectoryRole.GLOBAL_ADMIN);
        block(blocked, true);
        SystemActor.run(() -> users.delete(deleted.customerId(), deleted.id()));

        for (Member m : List.of(blocked, deleted)) {
            mvc.perform(formLogin("/login").user(m.userName()).password(TestCustomerUsers.PASSWORD))
                    .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
            createToken(m.userName(), TestCustomerUsers.PASSWORD).andExpect(problem(401, "unauthorized"));
        }
        // A wrong password tells nothing about the account's state
        mvc.perform(formLogin("/login").user(blocked.userName()).password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ? "
                + "AND data LIKE '%\"reason\":\"wrong-password\"%'", blocked.userName())).isEqualTo(1);

        // Unblocked, it signs in again
        block(blocked, false);
        signIn(blocked.userName(), TestCustomerUsers.PASSWORD, users(blocked));
    }

    @Test
    void failedSignInsOfCustomerUsersAreLogged() throws Exception {
        Member user = customerUsers.create(tenant, DirectoryRole.NONE);
        long before = activity("signin.failed", user.userName());

        mvc.perform(formLogin("/login").user(user.userName()).password("wrong-password-123"))
                .andExpect(redirectedUrl("/login?error"));
        createToken(user.userName(), "wrong-password-456").andExpect(problem(401, "unauthorized"));

        assertThat(activity("signin.failed", user.userName())).isEqualTo(before + 2);
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ? "
                + "AND data LIKE ?", user.userName(), "%\"user\":\"" + user.userName() + "\"%")).isEqualTo(2);
    }

    @Test
    void anAgentAndACustomerUserWithTheSameNameEachSignInWithTheirOwnPassword() throws Exception {
        Member user = customerUsers.create(tenant, DirectoryRole.NONE);
        Agent agent = SystemActor.call(() -> agentService.create(user.userName(), "Namesake", Role.HELPDESK,
                TestAgents.PASSWORD, false));

        signIn(user.userName(), TestAgents.PASSWORD, "/customers");
        signIn(user.userName(), TestCustomerUsers.PASSWORD, "/account");

        // A disabled agent does not lock out the customer user of the same name
        SystemActor.run(() -> agentService.update(agent.id(), null, false));
        signIn(user.userName(), TestCustomerUsers.PASSWORD, "/account");
        mvc.perform(formLogin("/login").user(user.userName()).password(TestAgents.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void anOpenSessionFollowsTheAccountAtOnce() throws Exception {
        Member admin = customerUsers.create(tenant, DirectoryRole.GLOBAL_ADMIN);
        Member other = customerUsers.create(tenant, DirectoryRole.USER_ADMIN);
        MockHttpSession session = signIn(admin.userName(), TestCustomerUsers.PASSWORD, users(admin));
        MockHttpSession otherSession = signIn(other.userName(), TestCustomerUsers.PASSWORD, users(other));

        // Demoted to no role, it sees only its own account from the next request on
        jdbc.sql("UPDATE app_user SET directory_role = 'NONE' WHERE customer_id = ? AND id = ?")
                .param(tenant.id().value()).param(admin.id().value()).update();
        mvc.perform(get(users(admin)).session(session)).andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());

        // Blocked, or deleted, it is signed out
        block(admin, true);
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?blocked"));
        mvc.perform(get("/login").param("blocked", ""))
                .andExpect(content().string(containsString("your account is blocked or has been deleted")));
        SystemActor.run(() -> users.delete(other.customerId(), other.id()));
        mvc.perform(get(users(other)).session(otherSession)).andExpect(redirectedUrl("/login?blocked"));
    }

    @Test
    void aCustomerAdministratorCreatesAnApiTokenWithHttpBasicLikeAnAgent() throws Exception {
        for (DirectoryRole role : List.of(DirectoryRole.GLOBAL_ADMIN, DirectoryRole.USER_ADMIN)) {
            Member admin = customerUsers.create(tenant, role);

            String token = read(createToken(admin.userName().toUpperCase(Locale.ROOT), TestCustomerUsers.PASSWORD)
                    .andExpect(status().isCreated()), "$.token");

            assertThat(count("SELECT count(*) FROM api_token WHERE customer_id = ? AND user_id = ? "
                    + "AND agent_id IS NULL", tenant.id().value(), admin.id().value())).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'token.created' AND customer_id = ? "
                    + "AND actor = ?", tenant.id().value(), admin.userName())).isEqualTo(1);
            mvc.perform(get("/api/v1/customers/" + tenant.id() + "/users").header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk());
            String id = read(mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
                    .andExpect(jsonPath("$.length()").value(2)), "$[0].id");
            mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + token))
                    .andExpect(status().isNoContent());
            mvc.perform(get("/api/v1/customers/" + tenant.id()).header("Authorization", "Bearer " + token))
                    .andExpect(problem(401, "unauthorized"));
        }
    }

    @Test
    void aCustomerAdministratorWithATemporaryPasswordGetsNoTokenBeforeChoosingItsOwn() throws Exception {
        Member admin = customerUsers.withTemporaryPassword(tenant, DirectoryRole.GLOBAL_ADMIN);

        createToken(admin.userName(), admin.temporaryPassword()).andExpect(problem(403, "password-change-required"));

        assertThat(count("SELECT count(*) FROM api_token WHERE user_id = ?", admin.id().value())).isZero();
    }

    @Test
    void tokensOfBlockedOrDeletedUsersStopWorking() throws Exception {
        Member blocked = customerUsers.create(tenant, DirectoryRole.USER_ADMIN);
        String url = "/api/v1/customers/" + tenant.id() + "/users";
        bearerGet(url, blocked).andExpect(status().isOk());

        // Blocking revokes the user's tokens: unblocking does not bring them back, a new one works
        block(blocked, true);
        bearerGet(url, blocked).andExpect(problem(401, "unauthorized"));
        block(blocked, false);
        bearerGet(url, blocked).andExpect(problem(401, "unauthorized"));
        Member admin = new Member(tenant, blocked.id(), blocked.userName(), blocked.role(), null,
                customerUsers.token(blocked));
        bearerGet(url, admin).andExpect(status().isOk());

        // Deleting the user revokes its tokens: restoring the account does not bring them back
        SystemActor.run(() -> users.delete(admin.customerId(), admin.id()));
        bearerGet(url, admin).andExpect(problem(401, "unauthorized"));
        assertThat(count("SELECT count(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL",
                admin.id().value())).isZero();
        SystemActor.run(() -> users.restore(admin.customerId(), List.of(admin.id())));
        bearerGet(url, admin).andExpect(problem(401, "unauthorized"));

        // Purged for good, its tokens go with it
        SystemActor.run(() -> users.delete(admin.customerId(), admin.id()));
        jdbc.sql("UPDATE app_user SET deleted_at = ? WHERE customer_id = ? AND id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofDays(60)))).param(tenant.id().value())
                .param(admin.id().value()).update();
        purge.purgeExpired();
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ?", admin.id().value())).isZero();
        assertThat(count("SELECT count(*) FROM api_token WHERE user_id = ?", admin.id().value())).isZero();
    }

    @Test
    void aDemotedAdministratorsTokenStillAuthenticatesButMayDoNothing() throws Exception {
        Member admin = customerUsers.create(tenant, DirectoryRole.GLOBAL_ADMIN);
        jdbc.sql("UPDATE app_user SET directory_role = 'HELPDESK_ADMIN' WHERE customer_id = ? AND id = ?")
                .param(tenant.id().value()).param(admin.id().value()).update();

        bearerGet("/api/v1/customers/" + tenant.id() + "/users", admin).andExpect(problem(403, "forbidden"));
        bearerGet("/api/v1/customers", admin).andExpect(problem(403, "forbidden"));
        mvc.perform(post("/api/v1/tokens").header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(problem(403, "forbidden"));
    }

    @Test
    void theTemporaryPasswordsEncoderOnlyChecks() {
        Member user = customerUsers.withTemporaryPassword(tenant, DirectoryRole.NONE);
        String stored = (String) passwordRow(user)[0];

        assertThat(encoder.matches(user.temporaryPassword(), stored)).isTrue();
        assertThat(encoder.matches(user.temporaryPassword() + "x", stored)).isFalse();
        assertThat(encoder.encode(user.temporaryPassword())).startsWith("{argon2}");
    }

    private ResultActions bearerGet(String url, Member m) throws Exception {
        return mvc.perform(get(url).header("Authorization", m.bearer()));
    }
}
