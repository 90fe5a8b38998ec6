package io.seatwise.provisioning;

import io.seatwise.access.Role;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.access.TestCustomerUsers.Tenant;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.users.DirectoryRole;
import org.junit.jupiter.api.BeforeEach;
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

/** The customer's Provisioning tab: base URL, a token shown once, its last use, revoked after confirmation. */
abstract class ProvisioningConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    JdbcClient jdbc;

    Tenant tenant;

    @BeforeEach
    void customer() {
        tenant = customerUsers.tenant(1);
    }

    String page() {
        return "/customers/" + tenant.id() + "/provisioning";
    }

    @Test
    void anAgentCreatesATokenShownOnceSeesItsUseAndRevokesItAfterConfirmation() throws Exception {
        var me = fixtures.as(Role.SALES);
        mvc.perform(get(page()).with(me)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("http://localhost/scim/v2"),
                        containsString("No provisioning tokens yet."))));

        String html = mvc.perform(post(page()).with(csrf()).with(me).param("name", "Entra ID"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("Entra ID"), containsString("shown only once"))))
                .andReturn().getResponse().getContentAsString();
        String token = html.replaceAll("(?s).*data-testid=\"new-token\">(swscim_[^<]+)<.*", "$1");
        assertThat(token).startsWith(ScimTokens.PREFIX);
        String id = jdbc.sql("SELECT id FROM scim_token WHERE customer_id = ? AND name = 'Entra ID'")
                .param(tenant.id().value()).query(String.class).single();

        // used once: the list shows a last use instead of "Never", never the secret
        mvc.perform(get("/scim/v2/ServiceProviderConfig").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get(page()).with(me)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Entra ID"), not(containsString(token)),
                        not(containsString(">Never<")), containsString(page() + "/" + id + "/revoke"))));

        mvc.perform(get(page() + "/" + id + "/revoke").with(me)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Revoke the provisioning token “Entra ID”")));
        mvc.perform(post(page() + "/" + id + "/revoke").with(csrf()).with(me))
                .andExpect(redirectedUrl(page()));
        mvc.perform(get("/scim/v2/ServiceProviderConfig").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theTabIsForAgentsThatChangeCustomersAndTheCustomersGlobalAdmin() throws Exception {
        mvc.perform(get(page()).with(fixtures.as(Role.HELPDESK))).andExpect(status().isForbidden());
        mvc.perform(get("/customers/" + tenant.id()).with(fixtures.as(Role.HELPDESK)))
                .andExpect(content().string(not(containsString("/provisioning"))));
        mvc.perform(get("/customers/" + tenant.id()).with(fixtures.as(Role.ADMIN)))
                .andExpect(content().string(containsString(page())));

        Member global = customerUsers.create(tenant, DirectoryRole.GLOBAL_ADMIN);
        MockHttpSession session = signIn(global);
        mvc.perform(get(page()).session(session)).andExpect(status().isOk());
        mvc.perform(post(page()).session(session).with(csrf()).param("name", "Okta")).andExpect(status().isOk());
        Tenant other = customerUsers.tenant(1);
        mvc.perform(get("/customers/" + other.id() + "/provisioning").session(session))
                .andExpect(status().isNotFound());

        Member userAdmin = customerUsers.create(tenant, DirectoryRole.USER_ADMIN);
        mvc.perform(get(page()).session(signIn(userAdmin))).andExpect(status().isForbidden());
    }

    MockHttpSession signIn(Member m) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(m.userName())
                .password(TestCustomerUsers.PASSWORD)).andReturn().getRequest().getSession(false);
    }
}
