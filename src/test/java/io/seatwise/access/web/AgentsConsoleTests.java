package io.seatwise.access.web;

import java.util.List;
import java.util.UUID;

import io.seatwise.access.Role;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.support.H2Test;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The agents page: only for agents:manage; invite, change role, disable with confirmation, the last Admin. */
@H2Test
class AgentsConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void salesAndHelpdeskGetForbidden() throws Exception {
        mvc.perform(get("/agents").with(fixtures.as(Role.SALES))).andExpect(status().isForbidden());
        mvc.perform(get("/agents").with(fixtures.as(Role.HELPDESK))).andExpect(status().isForbidden());
        mvc.perform(post("/agents").with(csrf()).with(fixtures.as(Role.SALES))
                .param("email", "sneaky@test.example").param("role", "ADMIN")).andExpect(status().isForbidden());
    }

    @Test
    void invitingShowsTheTemporaryPasswordOnce() throws Exception {
        String email = ConsoleFixtures.unique("invited-") + "@test.example";

        mvc.perform(post("/agents").with(csrf()).with(fixtures.as(Role.ADMIN))
                        .param("email", email).param("displayName", "New Agent").param("role", "HELPDESK"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString(email), containsString("Helpdesk"),
                        containsString("data-testid=\"temporary-password\""),
                        containsString("shown only once"))));

        assertThat(jdbc.sql("SELECT count(*) FROM agent WHERE email = ?").param(email).query(Long.class).single())
                .isOne();
        mvc.perform(get("/agents").with(fixtures.as(Role.ADMIN)))
                .andExpect(content().string(allOf(containsString(email),
                        containsString("Temporary password"))));
    }

    @Test
    void aBadEmailIsShownNextToTheField() throws Exception {
        mvc.perform(post("/agents").with(csrf()).with(fixtures.as(Role.ADMIN))
                        .param("email", "not-an-email").param("role", "SALES"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"email-error\""),
                        containsString("Enter a valid email address."))));
    }

    @Test
    void changesARole() throws Exception {
        var agent = fixtures.principal(Role.HELPDESK);
        String id = jdbc.sql("SELECT id FROM agent WHERE email = ?").param(agent.getUsername())
                .query(String.class).single();

        mvc.perform(post("/agents/" + id + "/role").with(csrf()).with(fixtures.as(Role.ADMIN)).param("role", "SALES"))
                .andExpect(redirectedUrl("/agents"))
                .andExpect(flash().attribute("success", agent.getUsername() + " is now Sales."));
        assertThat(jdbc.sql("SELECT role FROM agent WHERE id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo("SALES");
    }

    @Test
    void disablingAsksFirst() throws Exception {
        var agent = fixtures.principal(Role.SALES);
        String id = jdbc.sql("SELECT id FROM agent WHERE email = ?").param(agent.getUsername())
                .query(String.class).single();
        var admin = fixtures.as(Role.ADMIN);

        mvc.perform(get("/agents/" + id + "/enabled").param("enabled", "false").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Disable " + agent.getUsername() + "?"),
                        containsString("name=\"enabled\" value=\"false\""))));
        mvc.perform(post("/agents/" + id + "/enabled").param("enabled", "false").with(csrf()).with(admin))
                .andExpect(redirectedUrl("/agents"));
        assertThat(jdbc.sql("SELECT enabled FROM agent WHERE id = ?").param(UUID.fromString(id))
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void theLastAdminCannotBeDemotedAndSaysSo() throws Exception {
        // Given the initial Admin is the only enabled Admin (others, made by other tests, are put back afterwards),
        // acting on itself: a disabled Admin's own session would be signed out.
        var admin = fixtures.asAgent("admin@test.example");
        List<UUID> others = jdbc.sql("SELECT id FROM agent WHERE role = 'ADMIN' AND enabled"
                + " AND email <> 'admin@test.example'").query(UUID.class).list();
        others.forEach(other -> jdbc.sql("UPDATE agent SET enabled = FALSE WHERE id = ?").param(other).update());
        try {
            String id = jdbc.sql("SELECT id FROM agent WHERE email = 'admin@test.example'").query(String.class)
                    .single();

            mvc.perform(post("/agents/" + id + "/role").with(csrf()).with(admin).param("role", "SALES"))
                    .andExpect(redirectedUrl("/agents"))
                    .andExpect(flash().attribute("rowError", hasToString(
                            containsString("This is the last enabled Admin agent"))));

            assertThat(jdbc.sql("SELECT role FROM agent WHERE email = 'admin@test.example'").query(String.class)
                    .single()).isEqualTo("ADMIN");
        } finally {
            others.forEach(other -> jdbc.sql("UPDATE agent SET enabled = TRUE WHERE id = ?").param(other).update());
        }
    }

    @Test
    void unknownAgentIsNotFound() throws Exception {
        mvc.perform(get("/agents/0190f5c2-0000-7000-8000-000000000000/enabled").param("enabled", "false")
                .with(fixtures.as(Role.ADMIN))).andExpect(status().isNotFound());
    }
}
