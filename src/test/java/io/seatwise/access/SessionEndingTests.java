package io.seatwise.access;

import java.time.Instant;

import io.seatwise.access.TestAgents.Signed;
import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.access.TestCustomerUsers.Tenant;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.UserUpdate;
import io.seatwise.users.UsersService;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions end when they should (issue 12, point 4): changing one's password ends one's other console sessions;
 * an Admin's disable or second-factor reset of an agent, and a customer administrator's reset, block or delete of a
 * user, end all that person's sessions and revoke its API tokens; "sign out everywhere" does both for oneself. Each
 * session is a separate form sign-in, stored in the database like a session of another node.
 */
abstract class SessionEndingTests extends ApiTestSupport {

    static final String NEW_PASSWORD = "a-brand-new-passphrase";

    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    UsersService users;
    @Autowired
    AgentService agentService;
    @Autowired
    SecondFactors factors;

    MockHttpSession signIn(String name, String password, String landing) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(name).password(password))
                .andExpect(redirectedUrl(landing)).andReturn().getRequest().getSession(false);
    }

    MockHttpSession signIn(Signed agent) throws Exception {
        return signIn(agent.email(), TestAgents.PASSWORD, "/customers");
    }

    MockHttpSession signIn(Member m) throws Exception {
        return signIn(m.userName(), TestCustomerUsers.PASSWORD, "/customers/" + m.customerId() + "/users");
    }

    void assertEnded(MockHttpSession session, String page) throws Exception {
        mvc.perform(get(page).session(session)).andExpect(redirectedUrl("/login?ended"));
    }

    void assertTokenRefused(String bearer) throws Exception {
        mvc.perform(get("/api/v1/customers").header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void changingOnesPasswordEndsOnesOtherSessionsAndKeepsThisOne() throws Exception {
        Signed agent = agents.create(Role.SALES);
        MockHttpSession here = signIn(agent);
        MockHttpSession elsewhere = signIn(agent);
        mvc.perform(get("/customers").session(elsewhere)).andExpect(status().isOk());

        mvc.perform(post("/account/password").session(here).with(csrf()).param("currentPassword", TestAgents.PASSWORD)
                        .param("newPassword", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD))
                .andExpect(redirectedUrl("/account?passwordChanged"));

        mvc.perform(get("/account").param("passwordChanged", "").session(here)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Password changed. Your other sessions have been "
                        + "signed out.")));
        mvc.perform(get("/customers").session(here)).andExpect(status().isOk());
        assertEnded(elsewhere, "/customers");
        mvc.perform(get("/login").param("ended", "")).andExpect(content().string(containsString(
                "You were signed out: your password was changed or reset, or your sessions were ended.")));
        // a session signed in after the change works, and the agent's token (its non-interactive credential) too
        mvc.perform(get("/customers").session(signIn(agent.email(), NEW_PASSWORD, "/customers")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers").header("Authorization", agent.bearer())).andExpect(status().isOk());
    }

    @Test
    void aCustomerUserChangingItsPasswordEndsItsOtherSessions() throws Exception {
        Tenant tenant = customerUsers.tenant(1);
        Member user = customerUsers.create(tenant, DirectoryRole.NONE);
        MockHttpSession here = signIn(user.userName(), TestCustomerUsers.PASSWORD, "/account");
        MockHttpSession elsewhere = signIn(user.userName(), TestCustomerUsers.PASSWORD, "/account");

        mvc.perform(post("/account/password").session(here).with(csrf())
                        .param("currentPassword", TestCustomerUsers.PASSWORD)
                        .param("newPassword", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD))
                .andExpect(redirectedUrl("/account?passwordChanged"));

        mvc.perform(get("/account").session(here)).andExpect(status().isOk());
        assertEnded(elsewhere, "/account");
    }

    @Test
    void disablingAnAgentEndsItsSessionsAndRevokesItsTokensForGood() throws Exception {
        Signed agent = agents.create(Role.SALES);
        MockHttpSession one = signIn(agent);
        MockHttpSession two = signIn(agent);

        agents.setEnabled(agent.agent(), false);
        agents.setEnabled(agent.agent(), true);

        // enabled again, the agent signs in afresh: its old sessions and tokens stay ended
        assertEnded(one, "/customers");
        assertEnded(two, "/customers");
        assertTokenRefused(agent.bearer());
        mvc.perform(get("/customers").session(signIn(agent))).andExpect(status().isOk());
    }

    @Test
    void resettingAnAgentsSecondFactorEndsItsSessionsAndRevokesItsTokens() throws Exception {
        Signed agent = agents.create(Role.HELPDESK);
        MockHttpSession one = signIn(agent);
        MockHttpSession two = signIn(agent);
        AgentPrincipal principal = new AgentPrincipal(agent.agent(), null, null);
        var enrolment = factors.startEnrolment(principal);
        factors.confirm(principal, Totp.code(new Base32().decode(enrolment.secret()), Totp.step(Instant.now())));

        SystemActor.call(() -> factors.reset(agent.agent().id()));

        assertEnded(one, "/customers");
        assertEnded(two, "/customers");
        assertTokenRefused(agent.bearer());
    }

    @Test
    void aCustomerAdminsPasswordResetEndsTheUsersSessionsAndRevokesItsTokens() throws Exception {
        Tenant tenant = customerUsers.tenant(1);
        Member admin = customerUsers.create(tenant, DirectoryRole.USER_ADMIN);
        MockHttpSession one = signIn(admin);
        MockHttpSession two = signIn(admin);
        mvc.perform(get("/api/v1/customers/" + tenant.id() + "/users").header("Authorization", admin.bearer()))
                .andExpect(status().isOk());

        SystemActor.call(() -> users.resetPassword(tenant.id(), admin.id()));

        assertEnded(one, "/account");
        assertEnded(two, "/account");
        assertTokenRefused(admin.bearer());
    }

    @Test
    void blockingAUserEndsItsSessionsAndTokensEvenOnceUnblocked() throws Exception {
        Tenant tenant = customerUsers.tenant(1);
        Member admin = customerUsers.create(tenant, DirectoryRole.GLOBAL_ADMIN);
        MockHttpSession one = signIn(admin);
        MockHttpSession two = signIn(admin);

        block(admin, true);
        mvc.perform(get("/account").session(one)).andExpect(redirectedUrl("/login?blocked"));
        block(admin, false);

        assertEnded(two, "/account");
        assertTokenRefused(admin.bearer());
        mvc.perform(get("/account").session(signIn(admin))).andExpect(status().isOk());
    }

    @Test
    void deletingAUserEndsItsSessionsAndTokensEvenOnceRestored() throws Exception {
        Tenant tenant = customerUsers.tenant(1);
        Member admin = customerUsers.create(tenant, DirectoryRole.USER_ADMIN);
        MockHttpSession one = signIn(admin);

        SystemActor.run(() -> users.delete(tenant.id(), admin.id()));
        SystemActor.call(() -> users.restore(tenant.id(), java.util.List.of(admin.id())));

        assertEnded(one, "/account");
        assertTokenRefused(admin.bearer());
    }

    @Test
    void signingOutEverywhereEndsEverySessionAndToken() throws Exception {
        Signed agent = agents.create(Role.SALES);
        MockHttpSession here = signIn(agent);
        MockHttpSession elsewhere = signIn(agent);
        mvc.perform(get("/account").session(here))
                .andExpect(content().string(containsString("action=\"/account/sign-out-everywhere\"")));

        mvc.perform(post("/account/sign-out-everywhere").session(here)).andExpect(status().isForbidden());
        mvc.perform(post("/account/sign-out-everywhere").session(here).with(csrf()))
                .andExpect(redirectedUrl("/login?signedOutEverywhere"));

        mvc.perform(get("/customers").session(here)).andExpect(redirectedUrl("/login"));
        assertEnded(elsewhere, "/customers");
        assertTokenRefused(agent.bearer());
        mvc.perform(get("/login").param("signedOutEverywhere", "")).andExpect(content().string(containsString(
                "You have been signed out everywhere, and your API tokens are revoked.")));
        mvc.perform(get("/customers").session(signIn(agent))).andExpect(status().isOk());
    }

    @Test
    void aCustomerUserThatAdministersNothingSignsOutEverywhereToo() throws Exception {
        Tenant tenant = customerUsers.tenant(1);
        Member user = customerUsers.create(tenant, DirectoryRole.NONE);
        MockHttpSession here = signIn(user.userName(), TestCustomerUsers.PASSWORD, "/account");
        MockHttpSession elsewhere = signIn(user.userName(), TestCustomerUsers.PASSWORD, "/account");

        mvc.perform(post("/account/sign-out-everywhere").session(here).with(csrf()))
                .andExpect(redirectedUrl("/login?signedOutEverywhere"));

        assertEnded(elsewhere, "/account");
    }

    void block(Member m, boolean blocked) {
        SystemActor.run(() -> users.update(m.customerId(), m.id(), new UserUpdate(null, null, null, null, null,
                blocked)));
    }
}
