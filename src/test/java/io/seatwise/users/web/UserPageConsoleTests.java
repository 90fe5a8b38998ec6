package io.seatwise.users.web;

import io.seatwise.access.Role;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.ConsoleTestSupport;
import io.seatwise.support.H2Test;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.seatwise.licensing.LicensingFixture.E3;
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

/** A user's page in the console: edit with errors next to the fields, reset password, delete; tenants kept apart. */
@H2Test
class UserPageConsoleTests extends ConsoleTestSupport {

    @Autowired
    TestCustomerUsers customerUsers;

    Tenant t;
    UserId user;
    String url;
    RequestPostProcessor helpdesk;

    @BeforeEach
    void givenAUser() {
        t = licensing.tenant("SE", E3, 2);
        user = t.user("SE");
        url = "/customers/" + t.id() + "/users/" + user;
        helpdesk = fixtures.as(Role.HELPDESK);
    }

    String column(String column) {
        return jdbc.sql("SELECT " + column + " FROM app_user WHERE customer_id = ? AND id = ?")
                .param(t.id().value()).param(user.value()).query(String.class).optional().orElse(null);
    }

    @Test
    void thePageShowsTheUserAndItsLicenses() throws Exception {
        mvc.perform(get(url).with(helpdesk))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("First1 Last1"), containsString("user1@" + t.domain()),
                        containsString("This user has no licenses."), containsString("Reset password"),
                        containsString("Delete user account"), containsString("Back to users"))));
    }

    @Test
    void badInputIsShownNextToTheFieldAndChangesNothing() throws Exception {
        mvc.perform(post(url).with(helpdesk).with(csrf()).param("firstName", "x".repeat(51))
                        .param("lastName", "Last1").param("displayName", "New name").param("usageLocation", "SE")
                        .param("directoryRole", "NONE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"firstName-error\""),
                        containsString("Enter a first name of at most 50 characters."))));
        mvc.perform(post(url).with(helpdesk).with(csrf()).param("firstName", "A").param("displayName", "B")
                        .param("usageLocation", "XX").param("directoryRole", "NONE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"usageLocation-error\"")));
        assertThat(column("display_name")).isEqualTo("First1 Last1");
    }

    @Test
    void editingSavesNamesLocationRoleAndBlocking() throws Exception {
        mvc.perform(post(url).with(helpdesk).with(csrf()).param("firstName", "Ann").param("lastName", "")
                        .param("displayName", "Ann Renamed").param("usageLocation", "NO")
                        .param("directoryRole", "HELPDESK_ADMIN").param("signInBlocked", "true"))
                .andExpect(redirectedUrl(url));
        assertThat(column("display_name")).isEqualTo("Ann Renamed");
        assertThat(column("usage_location")).isEqualTo("NO");
        assertThat(column("first_name")).isEqualTo("Ann");
        assertThat(column("last_name")).isNull();
        assertThat(column("directory_role")).isEqualTo("HELPDESK_ADMIN");
        assertThat(column("sign_in_blocked")).isEqualToIgnoringCase("true");
    }

    @Test
    void resetAsksFirstThenShowsTheNewPasswordOnce() throws Exception {
        mvc.perform(get(url + "/reset-password").with(helpdesk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give First1 Last1 (user1@" + t.domain()
                        + ") a new temporary password?")));
        String hash = column("password_hash");
        var reset = mvc.perform(post(url + "/reset-password").with(helpdesk).with(csrf()))
                .andExpect(redirectedUrl(url + "/password-reset")).andReturn();
        assertThat(column("password_hash")).isNotEqualTo(hash);
        mvc.perform(get(url + "/password-reset").with(helpdesk).flashAttrs(reset.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(allOf(containsString("data-testid=\"temporary-password\""),
                        containsString("shown only once"))));
        // A reload neither resets again nor shows the password again
        String afterReset = column("password_hash");
        mvc.perform(get(url + "/password-reset").with(helpdesk)).andExpect(redirectedUrl(url));
        assertThat(column("password_hash")).isEqualTo(afterReset);
    }

    @Test
    void deleteAsksNamingTheUserThenDeletes() throws Exception {
        mvc.perform(get(url + "/delete").with(helpdesk))
                .andExpect(content().string(containsString("Delete the user account of First1 Last1 (user1@")));
        var flash = mvc.perform(post(url + "/delete").with(helpdesk).with(csrf()))
                .andExpect(redirectedUrl("/customers/" + t.id() + "/users")).andReturn().getFlashMap();
        assertThat(column("deleted_at")).isNotNull();
        // The list it returns to says what happened.
        mvc.perform(get("/customers/" + t.id() + "/users").with(helpdesk).flashAttrs(flash))
                .andExpect(content().string(containsString("was deleted. It is listed under Deleted users")));
        // The page of a deleted user says so and offers no action.
        mvc.perform(get(url).with(helpdesk))
                .andExpect(content().string(allOf(containsString("data-testid=\"user-deleted\""),
                        not(containsString("Reset password")))));
        // Deleting again is a message, not a failure.
        mvc.perform(post(url + "/delete").with(helpdesk).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("The user is deleted. Restore it first.")));
    }

    @Test
    void aUserManagementAdminCannotActOnAGlobalAdmin() throws Exception {
        TestCustomerUsers.Tenant own = customerUsers.tenant(1);
        Member userAdmin = customerUsers.create(own, DirectoryRole.USER_ADMIN);
        Member global = customerUsers.create(own, DirectoryRole.GLOBAL_ADMIN);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(userAdmin.userName())
                .password(TestCustomerUsers.PASSWORD)).andReturn().getRequest().getSession(false);
        String globalUrl = "/customers/" + own.id() + "/users/" + global.id();

        mvc.perform(get(globalUrl).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"not-manageable\""),
                        not(containsString("Reset password")))));
        mvc.perform(post(globalUrl + "/delete").session(session).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("cannot make, change or act on a Global admin")));
        mvc.perform(post(globalUrl).session(session).with(csrf()).param("displayName", "Hijacked")
                        .param("directoryRole", "NONE"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT deleted_at FROM app_user WHERE id = ?").param(global.id().value())
                .query(String.class).optional()).isEmpty();
        // Its own role offers no Global admin to give.
        mvc.perform(get("/customers/" + own.id() + "/users/" + userAdmin.id()).session(session))
                .andExpect(content().string(not(containsString("value=\"GLOBAL_ADMIN\""))));
    }

    @Test
    void anotherCustomersUserIsNotFound() throws Exception {
        Tenant other = licensing.tenant("SE", E3, 1);
        UserId stranger = other.user("SE");
        for (String page : new String[] {"/customers/" + t.id() + "/users/" + stranger,
                "/customers/" + t.id() + "/users/" + stranger + "/delete",
                "/customers/" + t.id() + "/users/not-a-guid"}) {
            mvc.perform(get(page).with(helpdesk)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/customers/" + t.id() + "/users/" + stranger + "/delete").with(helpdesk).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/customers/" + t.id() + "/users/" + stranger + "/reset-password").with(helpdesk)
                .with(csrf())).andExpect(status().isNotFound());
    }
}
