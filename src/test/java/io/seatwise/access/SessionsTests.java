package io.seatwise.access;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;

import io.seatwise.access.TestAgents.Signed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Console sessions live in the database (Spring Session JDBC): what a signed-in person's session holds is stored
 * there, serialised, for eight hours of inactivity, and expired sessions are deleted.
 */
abstract class SessionsTests extends ApiTestSupport {

    @Autowired
    SessionCleanup cleanup;

    MockHttpSession signIn(Signed agent) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(agent.email()).password(TestAgents.PASSWORD))
                .andExpect(redirectedUrl("/customers")).andReturn().getRequest().getSession(false);
    }

    @Test
    void aSignedInAgentsSessionIsStoredInTheDatabaseForEightHoursOfInactivity() throws Exception {
        Signed agent = agents.create(Role.SALES);

        MockHttpSession session = signIn(agent);

        mvc.perform(get("/customers").session(session)).andExpect(status().isOk());
        assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name = ?", agent.email()))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
                .param(agent.email()).query(Integer.class).single()).isEqualTo(8 * 3600);
        // The stored security context is the agent, without its password hash
        byte[] stored = jdbc.sql("SELECT a.attribute_bytes FROM spring_session_attributes a JOIN spring_session s "
                + "ON s.primary_id = a.session_primary_id WHERE s.principal_name = ? AND a.attribute_name = "
                + "'SPRING_SECURITY_CONTEXT'").param(agent.email()).query(byte[].class).single();
        SecurityContext context = (SecurityContext) new ObjectInputStream(new ByteArrayInputStream(stored))
                .readObject();
        AgentPrincipal principal = (AgentPrincipal) context.getAuthentication().getPrincipal();
        assertThat(principal.agent().id()).isEqualTo(agent.agent().id());
        assertThat(principal.getPassword()).isNull();
    }

    @Test
    void signingOutDeletesTheStoredSession() throws Exception {
        Signed agent = agents.create(Role.SALES);
        MockHttpSession session = signIn(agent);

        mvc.perform(post("/logout").session(session).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"));

        assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name = ?", agent.email())).isZero();
        mvc.perform(get("/customers").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void expiredSessionsAreSignedOutAndDeletedByTheCleanup() throws Exception {
        Signed expired = agents.create(Role.SALES);
        Signed active = agents.create(Role.SALES);
        MockHttpSession old = signIn(expired);
        MockHttpSession current = signIn(active);
        jdbc.sql("UPDATE spring_session SET expiry_time = ? WHERE principal_name = ?")
                .param(Instant.now().minusSeconds(60).toEpochMilli()).param(expired.email()).update();

        // The cleanup runs on one instance at a time: free its lock as if the last run were long ago
        jdbc.sql("DELETE FROM shedlock WHERE name = 'delete-expired-sessions'").update();
        cleanup.deleteExpired();

        assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name = ?", expired.email())).isZero();
        assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name = ?", active.email()))
                .isEqualTo(1);
        mvc.perform(get("/customers").session(old)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/customers").session(current)).andExpect(status().isOk());
    }

    @Test
    void aSessionThisReleaseCannotReadSignsThePersonOutInsteadOfFailing() throws Exception {
        Signed agent = agents.create(Role.SALES);
        MockHttpSession session = signIn(agent);
        // As if written by another release, with a class this one does not have
        jdbc.sql("UPDATE spring_session_attributes SET attribute_bytes = ? WHERE session_primary_id IN "
                + "(SELECT primary_id FROM spring_session WHERE principal_name = ?)")
                .param(ofAnotherRelease()).param(agent.email()).update();

        mvc.perform(get("/customers").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login").session(session)).andExpect(status().isOk());
        mvc.perform(get("/customers").session(signIn(agent))).andExpect(status().isOk());
    }

    @Test
    void whatASessionHoldsSurvivesSerialisation() throws Exception {
        Signed agent = agents.create(Role.HELPDESK);
        AgentPrincipal principal = new AgentPrincipal(agent.agent(), "{argon2}secret", Instant.now());

        AgentPrincipal copy = roundTrip(principal);

        assertThat(copy.agent()).isEqualTo(agent.agent());
        assertThat(copy.getAuthorities()).isEqualTo(principal.getAuthorities());
        assertThat(copy.getPassword()).as("the password hash stays out of the session").isNull();
        assertThat(roundTrip(new java.util.ArrayList<>(List.of(agent.agent().id())))).containsExactly(
                agent.agent().id());
    }

    /** Serialisable here, under another name in the bytes: a class that this release does not know. */
    record Gone(String value) implements java.io.Serializable {
    }

    static byte[] ofAnotherRelease() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Gone("x"));
        }
        String stream = bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        return stream.replace("SessionsTests$Gone", "SessionsTests$Lost")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
