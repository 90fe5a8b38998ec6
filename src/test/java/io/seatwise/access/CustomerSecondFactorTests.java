package io.seatwise.access;

import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.access.TestCustomerUsers.Tenant;
import io.seatwise.users.DirectoryRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

/**
 * Customer administrators and the second factor: they may enrol from their account page, and a customer may
 * require it of its Global admins and User management admins (console and API).
 */
abstract class CustomerSecondFactorTests extends SecondFactorSupport {

    @Autowired
    TestCustomerUsers customerUsers;

    @Test
    void aCustomerAdminSignsInWithItsPasswordOnlyUntilItEnrolsFromItsAccountPage() throws Exception {
        Tenant tenant = customerUsers.tenant(5);
        Member admin = customerUsers.create(tenant, DirectoryRole.USER_ADMIN);
        String home = "/customers/" + tenant.id() + "/users";

        // Not required: the password is enough, and the account page offers enrolment
        MockHttpSession session = signInWithPassword(admin.userName(), TestCustomerUsers.PASSWORD, home);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/account/mfa")));

        // When it enrols from the account page
        Enrolled enrolled = enrolIn(session, "/account/mfa", "/account/mfa");
        assertThat(enrolled.recoveryCodes()).hasSize(10);

        // Then its next sign-in asks for the code
        MockHttpSession next = signInWithPassword(admin.userName(), TestCustomerUsers.PASSWORD);
        mvc.perform(get(home).session(next)).andExpect(redirectedUrl("/login/mfa"));
        mvc.perform(post("/login/mfa").session(next).with(csrf()).param("code", enrolled.code(enrolled.step() + 1)))
                .andExpect(redirectedUrl(home));
        mvc.perform(get(home).session(next)).andExpect(status().isOk());

        // And its token requests need the code too
        mvc.perform(post("/api/v1/tokens").header("Authorization",
                        ApiTokensTests.basic(admin.userName(), TestCustomerUsers.PASSWORD)))
                .andExpect(problem(401, "mfa-required"));
    }

    @Test
    void aCustomerThatRequiresItMakesItsAdministratorsEnrolAtSignIn() throws Exception {
        Tenant tenant = customerUsers.tenant(5);
        Member global = customerUsers.create(tenant, DirectoryRole.GLOBAL_ADMIN);
        Member userAdmin = customerUsers.create(tenant, DirectoryRole.USER_ADMIN);
        Member plain = customerUsers.create(tenant, DirectoryRole.NONE);
        String policy = "/api/v1/customers/" + tenant.id() + "/mfa-policy";

        // A User management admin may not decide it; the Global admin may
        getAs(sales, policy).andExpect(status().isOk()).andExpect(jsonPath("$.adminsRequired").value(false));
        mvc.perform(put(policy).header("Authorization", userAdmin.bearer()).contentType("application/json")
                .content("{\"adminsRequired\":true}")).andExpect(problem(403, "forbidden"));
        mvc.perform(put(policy).header("Authorization", global.bearer()).contentType("application/json")
                .content("{}")).andExpect(problem(400, "validation", "adminsRequired"));
        mvc.perform(put(policy).header("Authorization", global.bearer()).contentType("application/json")
                        .content("{\"adminsRequired\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.adminsRequired").value(true));

        // Then its administrators set up a second factor at sign-in
        MockHttpSession session = signInWithPassword(userAdmin.userName(), TestCustomerUsers.PASSWORD);
        mvc.perform(get("/login/mfa").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-totp-secret")));
        // and get no token with their password alone
        mvc.perform(post("/api/v1/tokens").header("Authorization",
                        ApiTokensTests.basic(global.userName(), TestCustomerUsers.PASSWORD)))
                .andExpect(problem(401, "mfa-required"));
        // but their existing tokens keep working
        mvc.perform(get("/api/v1/customers/" + tenant.id() + "/users").header("Authorization", global.bearer()))
                .andExpect(status().isOk());

        // And a user that administers nothing signs in as before
        signInWithPassword(plain.userName(), TestCustomerUsers.PASSWORD, "/account");

        // And another customer's administrators are not concerned
        Tenant other = customerUsers.tenant(5);
        Member otherAdmin = customerUsers.create(other, DirectoryRole.GLOBAL_ADMIN);
        signInWithPassword(otherAdmin.userName(), TestCustomerUsers.PASSWORD,
                "/customers/" + other.id() + "/users");
        mvc.perform(put("/api/v1/customers/" + tenant.id() + "/mfa-policy").header("Authorization",
                        otherAdmin.bearer()).contentType("application/json").content("{\"adminsRequired\":false}"))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void anAgentSetsTheCustomersRuleFromTheCustomersPage() throws Exception {
        Tenant tenant = customerUsers.tenant(5);
        Enrolled enrolled = enrol(sales.email(), TestAgents.PASSWORD);
        MockHttpSession session = signInWithPassword(sales.email(), TestAgents.PASSWORD);
        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", enrolled.code(enrolled.step() + 1)))
                .andExpect(redirectedUrl("/customers"));

        mvc.perform(get("/customers/" + tenant.id()).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"mfa-policy\"")));
        mvc.perform(post("/customers/" + tenant.id() + "/mfa-policy").session(session).with(csrf())
                .param("adminsRequired", "true")).andExpect(redirectedUrl("/customers/" + tenant.id()));
        getAs(sales, "/api/v1/customers/" + tenant.id() + "/mfa-policy")
                .andExpect(jsonPath("$.adminsRequired").value(true));
        // an unchecked box sends nothing: not required
        mvc.perform(post("/customers/" + tenant.id() + "/mfa-policy").session(session).with(csrf()))
                .andExpect(redirectedUrl("/customers/" + tenant.id()));
        getAs(sales, "/api/v1/customers/" + tenant.id() + "/mfa-policy")
                .andExpect(jsonPath("$.adminsRequired").value(false));
    }
}
