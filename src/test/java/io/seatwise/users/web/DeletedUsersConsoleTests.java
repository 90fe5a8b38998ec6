package io.seatwise.users.web;

import java.util.List;
import java.util.Set;

import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.ConsoleTestSupport;
import io.seatwise.support.H2Test;
import io.seatwise.users.NewUser;
import io.seatwise.users.UserId;
import io.seatwise.users.UserLicenses.LicenseRequest;
import io.seatwise.users.UsersService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Deleted users in the console: the list, Restore after a confirmation step, the result per user in words. */
@H2Test
class DeletedUsersConsoleTests extends ConsoleTestSupport {

    @Autowired
    UsersService users;

    Tenant t;
    RequestPostProcessor helpdesk;
    String base;

    @BeforeEach
    void givenACustomerWithOneE3Seat() {
        t = licensing.tenant("SE", E3, 1);
        helpdesk = fixtures.as(Role.HELPDESK);
        base = "/customers/" + t.id() + "/users";
    }

    UserId create(String name, boolean licensed) {
        return SystemActor.call(() -> users.create(t.id(), new NewUser(name + "@" + t.domain(), name, "Test", null,
                "SE", null), licensed ? List.of(new LicenseRequest(E3, Set.of())) : List.of())).user().id();
    }

    void delete(UserId user) throws Exception {
        mvc.perform(post(base + "/" + user + "/delete").with(helpdesk).with(csrf()))
                .andExpect(redirectedUrl(base));
    }

    @Test
    void restoreReportsPerUserWhatCameBackAndWhyNot() throws Exception {
        // Given Ann (licensed) and Carl deleted, Bo taking the only seat and someone taking Carl's name
        UserId ann = create("ann", true);
        UserId carl = create("carl", false);
        delete(ann);
        delete(carl);
        create("bo", true);
        create("carl", false);

        // The list shows both with the date they can be restored until
        mvc.perform(get(base + "/deleted").with(helpdesk))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Deleted users (2)"),
                        containsString("ann@" + t.domain()), containsString("carl@" + t.domain()),
                        containsString("Restorable until"), containsString("value=\"" + ann + "\""))));

        // When both are restored, after the confirmation step naming them
        mvc.perform(get(base + "/deleted/restore").param("userIds", ann.toString(), carl.toString()).with(helpdesk))
                .andExpect(content().string(allOf(containsString("Restore 2 users: ann@" + t.domain() + ", carl@"),
                        containsString("name=\"userIds\" value=\"" + ann + "," + carl + "\""))));
        mvc.perform(post(base + "/deleted/restore").param("userIds", ann + "," + carl).with(helpdesk).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Users restored: 1 of 2."),
                        containsString("Microsoft 365 E3: Not enough licenses available."),
                        containsString("The user name has been taken by another user since the deletion."),
                        containsString("href=\"" + base + "\">Back to users</a>"),
                        containsString("href=\"" + base + "/deleted\">Deleted users</a>"))));

        // Then Ann is back without its license and Carl is still deleted
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE customer_id = ? AND id = ? AND deleted_at IS NULL")
                .param(t.id().value()).param(ann.value()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE customer_id = ? AND id = ? AND deleted_at IS NULL")
                .param(t.id().value()).param(carl.value()).query(Long.class).single()).isZero();
    }

    @Test
    void restoringNobodyIsAMessage() throws Exception {
        mvc.perform(get(base + "/deleted/restore").with(helpdesk))
                .andExpect(redirectedUrl(base + "/deleted"))
                .andExpect(flash().attribute("error", "Select at least one user to restore."));
        mvc.perform(get(base + "/deleted/restore").param("userIds", "nonsense").with(helpdesk))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anotherCustomersDeletedUsersAreNotFound() throws Exception {
        Tenant other = licensing.tenant("SE", E3, 1);
        UserId stranger = other.user("SE");
        other.delete(stranger);
        // The confirmation names a user it cannot find by the id given, and nothing of the other customer
        mvc.perform(get(base + "/deleted/restore").param("userIds", stranger.toString()).with(helpdesk))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(stranger.toString()),
                        not(containsString(other.domain())))));
        mvc.perform(post(base + "/deleted/restore").param("userIds", stranger.toString()).with(helpdesk)
                        .with(csrf()))
                .andExpect(content().string(allOf(containsString("No such user."),
                        not(containsString(other.domain())))));
        mvc.perform(get("/customers/" + other.id() + "/users/deleted").with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isOk());
        mvc.perform(get("/customers/not-a-guid/users/deleted").with(helpdesk)).andExpect(status().isNotFound());
    }
}
