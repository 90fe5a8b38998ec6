package io.seatwise.access.web;

import java.util.List;

import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.access.TestCustomerUsers.Tenant;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A customer administrator in the console: its own customer and users only; another customer's pages are not
 * found; purchases, new customers, agents and the activity log are refused.
 */
abstract class CustomerAdminConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    JdbcClient jdbc;

    Tenant own;
    Tenant other;

    @BeforeEach
    void twoCustomers() {
        own = customerUsers.tenant(3);
        other = customerUsers.tenant(3);
    }

    MockHttpSession signIn(Member m) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(m.userName())
                        .password(TestCustomerUsers.PASSWORD))
                .andReturn().getRequest().getSession(false);
    }

    @Test
    void aCustomerAdministratorSeesOnlyItsOwnCustomer() throws Exception {
        for (DirectoryRole role : List.of(DirectoryRole.GLOBAL_ADMIN, DirectoryRole.USER_ADMIN)) {
            Member admin = customerUsers.create(own, role);
            Member stranger = customerUsers.create(other, DirectoryRole.NONE);
            MockHttpSession session = signIn(admin);

            // Its own customer: the list, the customer's page and its users
            mvc.perform(get("/customers").session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Tenant " + own.domain()),
                            not(containsString("Tenant " + other.domain())),
                            not(containsString("id=\"new-customer\"")))));
            mvc.perform(get("/customers").param("q", other.domain()).session(session))
                    .andExpect(content().string(not(containsString("Tenant " + other.domain()))));
            mvc.perform(get("/customers/" + own.id()).session(session)).andExpect(status().isOk());
            mvc.perform(get("/customers/" + own.id() + "/users").session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString(admin.userName()),
                            not(containsString(stranger.userName())))));

            // Another customer's pages are not found, as if they did not exist
            for (String page : List.of("/customers/" + other.id(), "/customers/" + other.id() + "/users",
                    "/customers/" + other.id() + "/products?productQuery=e3",
                    "/customers/" + other.id() + "/subscriptions/" + TestCustomerUsers.E3 + "/buy-more?quantity=1",
                    "/customers/not-a-guid/users")) {
                mvc.perform(get(page).session(session))
                        .andExpect(status().isNotFound())
                        .andExpect(content().string(not(containsString(other.domain()))));
            }

            // Purchases, new customers, agents and the activity log are refused
            mvc.perform(get("/customers/" + own.id() + "/subscriptions/" + TestCustomerUsers.E3 + "/buy-more")
                    .param("quantity", "1").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/customers/" + own.id() + "/subscriptions/" + TestCustomerUsers.E3 + "/buy-more")
                    .param("quantity", "1").session(session).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/customers").session(session).with(csrf()).param("name", "Sneaky Ltd")
                    .param("country", "SE").param("domains", "sneaky.example")).andExpect(status().isForbidden());
            mvc.perform(get("/agents").session(session)).andExpect(status().isForbidden());
            mvc.perform(get("/activity").session(session)).andExpect(status().isForbidden());
            assertThat(jdbc.sql("SELECT quantity FROM subscription WHERE customer_id = ?").param(own.id().value())
                    .query(Integer.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE name = 'Sneaky Ltd'").query(Long.class)
                    .single()).isZero();
        }
    }

    @Test
    void itsOwnApiTokensAreInTheConsoleToo() throws Exception {
        Member admin = customerUsers.create(own, DirectoryRole.USER_ADMIN);
        MockHttpSession session = signIn(admin);

        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "Sync job"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sync job")));

        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE customer_id = ? AND user_id = ? AND name = ?")
                .param(own.id().value()).param(admin.id().value()).param("Sync job").query(Long.class).single())
                .isEqualTo(1);
        mvc.perform(get("/account/tokens").session(session))
                .andExpect(content().string(containsString("Sync job")));
    }
}
