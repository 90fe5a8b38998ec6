package io.seatwise.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import io.seatwise.access.TestAgents.Signed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admin agents invite and manage the partner's agents; agents sign in to the console. */
abstract class AgentsTests extends ApiTestSupport {

    @Autowired
    TransactionTemplate transaction;

    Signed admin;

    @BeforeEach
    void signIn() {
        admin = agents.create(Role.ADMIN);
    }

    String inviteBody(String email, String role) {
        return "{\"email\":\"" + email + "\",\"displayName\":\"Ann Agent\",\"role\":\"" + role + "\"}";
    }

    String passwordHash(String email) {
        return jdbc.sql("SELECT password_hash FROM agent WHERE email_key = ?").param(email.toLowerCase(Locale.ROOT))
                .query(String.class).single();
    }

    @Test
    void anAdminInvitesAnAgentWithATemporaryPasswordShownOnce() throws Exception {
        String email = unique("Invitee-") + "@Partner.example";

        var invited = postAs(admin, "/api/v1/agents", inviteBody(email, "sales"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.displayName").value("Ann Agent"))
                .andExpect(jsonPath("$.role").value("SALES"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.mustChangePassword").value(true));
        String temporary = read(invited, "$.temporaryPassword");

        // The password is long, random and stored only as an Argon2 hash
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
        String hash = passwordHash(email);
        assertThat(hash).startsWith("{argon2}").doesNotContain(temporary);
        assertThat(count("SELECT count(*) FROM agent WHERE email_key = ? AND must_change_password",
                email.toLowerCase(Locale.ROOT))).isEqualTo(1);
        // The list never shows it again
        getAs(admin, "/api/v1/agents")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].email").value(hasItem(email)))
                .andExpect(jsonPath("$[?(@.email == '" + email + "')].temporaryPassword").value(hasItem((Object) null)));
        assertThat(getAs(admin, "/api/v1/agents").andReturn().getResponse().getContentAsString())
                .doesNotContain(temporary);
    }

    @Test
    void anEmailCanBelongToOneAgentOnlyWhateverItsCase() throws Exception {
        String email = unique("dup-") + "@partner.example";
        postAs(admin, "/api/v1/agents", inviteBody(email, "HELPDESK")).andExpect(status().isCreated());
        long before = count("SELECT count(*) FROM agent");

        postAs(admin, "/api/v1/agents", inviteBody(email.toUpperCase(Locale.ROOT), "SALES"))
                .andExpect(problem(409, "email-taken", "email"));
        postAs(admin, "/api/v1/agents", inviteBody("  " + email + " ", "SALES"))
                .andExpect(problem(409, "email-taken", "email"));

        assertThat(count("SELECT count(*) FROM agent")).isEqualTo(before);
    }

    @Test
    void anInvitationNeedsAKnownRoleAndAnEmail() throws Exception {
        long before = count("SELECT count(*) FROM agent");
        String email = unique("bad-") + "@partner.example";

        postAs(admin, "/api/v1/agents", inviteBody(email, "OWNER")).andExpect(problem(400, "validation", "role"));
        postAs(admin, "/api/v1/agents", "{\"email\":\"" + email + "\"}").andExpect(problem(400, "validation", "role"));
        postAs(admin, "/api/v1/agents", inviteBody("not-an-email", "SALES"))
                .andExpect(problem(400, "validation", "email"));
        postAs(admin, "/api/v1/agents", "{\"role\":\"SALES\"}").andExpect(problem(400, "validation", "email"));
        postAs(admin, "/api/v1/agents", "{\"email\":\"" + email + "\",\"displayName\":\"" + "d".repeat(101)
                + "\",\"role\":\"SALES\"}").andExpect(problem(400, "validation", "displayName"));

        assertThat(count("SELECT count(*) FROM agent")).isEqualTo(before);
    }

    @Test
    void anAdminChangesAnAgentsRoleAndEnabledState() throws Exception {
        Signed helpdesk = agents.create(Role.HELPDESK);
        String url = "/api/v1/agents/" + helpdesk.agent().id();
        postAs(helpdesk, "/api/v1/customers", "{\"name\":\"X\",\"country\":\"SE\",\"domains\":[\""
                + unique("h") + ".example\"]}").andExpect(problem(403, "forbidden"));

        // Promoted to Sales, the agent may now create customers with the same token
        patchAs(admin, url, "{\"role\":\"sales\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("SALES"))
                .andExpect(jsonPath("$.enabled").value(true));
        postAs(helpdesk, "/api/v1/customers", "{\"name\":\"X\",\"country\":\"SE\",\"domains\":[\""
                + unique("h") + ".example\"]}").andExpect(status().isCreated());

        // Disabled, it can neither use its token nor sign in
        patchAs(admin, url, "{\"enabled\":false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("SALES"))
                .andExpect(jsonPath("$.enabled").value(false));
        getAs(helpdesk, "/api/v1/customers").andExpect(problem(401, "unauthorized"));
        mvc.perform(post("/api/v1/tokens").header("Authorization", basic(helpdesk.email(), TestAgents.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(problem(401, "unauthorized"));
        mvc.perform(formLogin("/login").user(helpdesk.email()).password(TestAgents.PASSWORD))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
    }

    @Test
    void patchRefusesAnUnknownRoleOrAgent() throws Exception {
        Signed sales = agents.create(Role.SALES);

        patchAs(admin, "/api/v1/agents/" + sales.agent().id(), "{\"role\":\"KING\"}")
                .andExpect(problem(400, "validation", "role"));
        patchAs(admin, "/api/v1/agents/" + UUID.randomUUID(), "{\"enabled\":false}")
                .andExpect(problem(404, "not-found"));
        patchAs(admin, "/api/v1/agents/not-an-id", "{\"enabled\":false}").andExpect(problem(404, "not-found"));

        assertThat(count("SELECT count(*) FROM agent WHERE id = ? AND role = 'SALES' AND enabled",
                sales.agent().id().value())).isEqualTo(1);
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
        // Given every other Admin agent disabled (inside a transaction rolled back at the end, since the database
        // is shared with the other tests)
        transaction.executeWithoutResult(tx -> {
            try {
                jdbc.sql("UPDATE agent SET enabled = FALSE WHERE role = 'ADMIN' AND id <> ?")
                        .param(admin.agent().id().value()).update();
                String url = "/api/v1/agents/" + admin.agent().id();

                // When the last Admin is disabled or demoted, Then it is refused
                patchAs(admin, url, "{\"enabled\":false}").andExpect(problem(409, "last-admin", "enabled"));
                patchAs(admin, url, "{\"role\":\"HELPDESK\"}").andExpect(problem(409, "last-admin", "role"));
                patchAs(admin, url, "{\"role\":\"SALES\",\"enabled\":false}").andExpect(problem(409, "last-admin"));
                assertThat(count("SELECT count(*) FROM agent WHERE id = ? AND role = 'ADMIN' AND enabled",
                        admin.agent().id().value())).isEqualTo(1);

                // But a change that keeps it an enabled Admin is fine
                patchAs(admin, url, "{\"role\":\"ADMIN\",\"enabled\":true}").andExpect(status().isOk());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                tx.setRollbackOnly();
            }
        });
        assertThat(count("SELECT count(*) FROM agent WHERE role = 'ADMIN' AND enabled")).isGreaterThan(1);
    }

    @Test
    void anAdminMayDisableAnotherAdminWhileOneRemains() throws Exception {
        Signed other = agents.create(Role.ADMIN);

        patchAs(admin, "/api/v1/agents/" + other.agent().id(), "{\"enabled\":false}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        getAs(other, "/api/v1/agents").andExpect(problem(401, "unauthorized"));
    }

    static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ---- console sign-in ----

    @Test
    void anAgentSignsInToTheConsoleWithItsPassword() throws Exception {
        mvc.perform(formLogin("/login").user(admin.email()).password(TestAgents.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/customers"))
                .andExpect(authenticated().withUsername(admin.email()));
    }

    @Test
    void aWrongPasswordSendsBackToTheSignInPageAndIsLogged() throws Exception {
        long before = count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ?",
                admin.email());

        mvc.perform(formLogin("/login").user(admin.email()).password("wrong-password-123"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());

        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ?",
                admin.email())).isEqualTo(before + 1);
    }

    @Test
    void anAgentWithATemporaryPasswordMustReplaceItFirst() throws Exception {
        var invitation = agents.invite(Role.SALES);

        MvcResult signedIn = mvc.perform(formLogin("/login").user(invitation.agent().email())
                        .password(invitation.temporaryPassword()))
                .andExpect(authenticated().withUsername(invitation.agent().email()))
                .andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);

        mvc.perform(get("/customers").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/agents").session(session)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void disablingOrDemotingAnAgentTakesEffectInItsOpenConsoleSession() throws Exception {
        Signed sales = agents.create(Role.SALES);
        Signed helpdesk = agents.create(Role.HELPDESK);
        MockHttpSession salesSession = (MockHttpSession) mvc.perform(formLogin("/login").user(sales.email())
                .password(TestAgents.PASSWORD)).andReturn().getRequest().getSession(false);
        MockHttpSession helpdeskSession = (MockHttpSession) mvc.perform(formLogin("/login").user(helpdesk.email())
                .password(TestAgents.PASSWORD)).andReturn().getRequest().getSession(false);
        mvc.perform(get("/customers").session(salesSession)).andExpect(status().isOk());
        agents.setEnabled(helpdesk.agent(), false);
        jdbc.sql("UPDATE agent SET role = 'HELPDESK' WHERE id = ?").param(sales.agent().id().value()).update();

        mvc.perform(get("/customers").session(helpdeskSession)).andExpect(redirectedUrl("/login?disabled"));
        mvc.perform(get("/customers").session(salesSession)).andExpect(status().isOk());
        mvc.perform(post("/customers").session(salesSession)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf())
                        .param("name", "Demoted Ltd").param("country", "SE").param("domains", "demoted.example"))
                .andExpect(status().isForbidden());
        assertThat(count("SELECT count(*) FROM customer WHERE name = 'Demoted Ltd'")).isZero();
    }

    @Test
    void aTemporaryPasswordExpiresAndThenNoLongerSignsIn() throws Exception {
        var invitation = agents.invite(Role.HELPDESK);
        String email = invitation.agent().email();
        assertThat(count("SELECT count(*) FROM agent WHERE email_key = ? AND password_expires_at > CURRENT_TIMESTAMP",
                email.toLowerCase(Locale.ROOT))).isEqualTo(1);

        jdbc.sql("UPDATE agent SET password_expires_at = ? WHERE email_key = ?")
                .param(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)))
                .param(email.toLowerCase(Locale.ROOT)).update();

        mvc.perform(formLogin("/login").user(email).password(invitation.temporaryPassword()))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
    }

    @Test
    void theConsoleSendsAStrangerToTheSignInPage() throws Exception {
        mvc.perform(get("/customers")).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
    }
}
