package io.seatwise.access.web;

import io.seatwise.access.AgentService;
import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.support.H2Test;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The signed-in agent's own account: API tokens and password, including the forced change of a temporary one. */
@H2Test
class AccountConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    AgentService agents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void createsATokenShownOnceThenRevokesItAfterConfirmation() throws Exception {
        var me = fixtures.as(Role.HELPDESK);
        mvc.perform(get("/account/tokens").with(me))
                .andExpect(content().string(allOf(containsString("action=\"/account/tokens\" novalidate><input "
                        + "type=\"hidden\" name=\"_csrf\""),
                        containsString("id=\"name-help\">What will use the token"))));

        String page = mvc.perform(post("/account/tokens").with(csrf()).with(me).param("name", "Billing sync"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("Billing sync"),
                        containsString("shown only once"))))
                .andReturn().getResponse().getContentAsString();
        String token = page.replaceAll("(?s).*data-testid=\"new-token\">(sw_[^<]+)<.*", "$1");
        assertThat(token).startsWith("sw_");
        String id = jdbc.sql("SELECT id FROM api_token WHERE token_prefix = ?").param(token.substring(0, 10))
                .query(String.class).single();

        mvc.perform(get("/account/tokens").with(me))
                .andExpect(content().string(allOf(containsString("Billing sync"), containsString(token.substring(0, 10)),
                        containsString("href=\"/account/tokens/" + id + "/revoke\""))))
                .andExpect(content().string(not(containsString("Created by"))));
        mvc.perform(get("/account/tokens/" + id + "/revoke").with(me))
                .andExpect(content().string(containsString("Revoke the token Billing sync")));
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(csrf()).with(me))
                .andExpect(redirectedUrl("/account/tokens"));
        mvc.perform(get("/account/tokens").with(me))
                .andExpect(content().string(containsString("Revoked ")));
    }

    @Test
    void anEmptyTokenNameIsShownNextToTheField() throws Exception {
        mvc.perform(post("/account/tokens").with(csrf()).with(fixtures.as(Role.SALES)).param("name", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"name-error\"")));
    }

    @Test
    void anotherAgentsTokenIsNotFound() throws Exception {
        fixtures.as(Role.SALES);
        String someoneElses = jdbc.sql("SELECT id FROM api_token FETCH FIRST 1 ROWS ONLY").query(String.class).single();

        mvc.perform(get("/account/tokens/" + someoneElses + "/revoke").with(fixtures.as(Role.SALES)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTemporaryPasswordMustBeChangedThenTheAgentCarriesOnInTheSameSession() throws Exception {
        String email = ConsoleFixtures.unique("temp-") + "@test.example";
        String temporary = SystemActor.call(() -> agents.invite(email, "Temp", Role.SALES)).temporaryPassword();

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(email).password(temporary))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/customers").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session))
                .andExpect(content().string(containsString("You signed in with a temporary password")));

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", temporary).param("newPassword", "a-brand-new-passphrase")
                        .param("confirmPassword", "a-brand-new-passphrase"))
                .andExpect(redirectedUrl("/account?passwordChanged"));
        mvc.perform(get("/account").param("passwordChanged", "").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(
                        containsString("Password changed. Your other sessions have been signed out.")))
                .andExpect(content().string(not(containsString("You have been signed out"))));
        mvc.perform(get("/customers").session(session)).andExpect(status().isOk());
        mvc.perform(formLogin("/login").user(email).password("a-brand-new-passphrase"))
                .andExpect(redirectedUrl("/customers"));
    }

    @Test
    void passwordErrorsAreShownNextToTheirFields() throws Exception {
        var me = fixtures.as(Role.SALES);

        mvc.perform(post("/account/password").with(csrf()).with(me).param("currentPassword", "wrong-password-1")
                        .param("newPassword", "another-long-password").param("confirmPassword", "another-long-password"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"currentPassword-error\""),
                        containsString("The current password is not correct."))));
        mvc.perform(post("/account/password").with(csrf()).with(me).param("currentPassword", TestAgents.PASSWORD)
                        .param("newPassword", "another-long-password").param("confirmPassword", "different"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"confirmPassword-error\"")));
        mvc.perform(post("/account/password").with(csrf()).with(me).param("currentPassword", TestAgents.PASSWORD)
                        .param("newPassword", "short").param("confirmPassword", "short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"newPassword-error\""),
                        containsString("at least 12 characters"))));
    }
}
