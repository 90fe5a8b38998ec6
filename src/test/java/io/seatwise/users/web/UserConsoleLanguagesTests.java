package io.seatwise.users.web;

import java.util.List;

import io.seatwise.access.Role;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.support.H2Test;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.seatwise.licensing.LicensingFixture.E3;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The add, import, user and deleted-users pages in the five languages, and closed to another customer's admins. */
@H2Test
class UserConsoleLanguagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    LicensingFixture licensing;
    @Autowired
    TestCustomerUsers customerUsers;

    @Test
    void everyPageSpeaksTheFiveLanguagesWithoutAMissingMessage() throws Exception {
        Tenant t = licensing.tenant("SE", E3, 1);
        UserId user = t.user("SE");
        UserId deleted = t.user("SE");
        t.delete(deleted);
        RequestPostProcessor helpdesk = fixtures.as(Role.HELPDESK);
        String base = "/customers/" + t.id() + "/users";
        for (String lang : List.of("en", "fr", "ru", "zh_CN", "sv")) {
            for (String page : List.of(base + "/new", base + "/import", base + "/" + user, base + "/" + deleted,
                    base + "/deleted", base + "/" + user + "/reset-password", base + "/" + user + "/delete",
                    base + "/deleted/restore?userIds=" + deleted)) {
                mvc.perform(get(page + (page.contains("?") ? "&" : "?") + "lang=" + lang).with(helpdesk))
                        .andExpect(status().isOk())
                        .andExpect(content().string(not(containsString("??"))));
            }
        }
        mvc.perform(get(base + "/new?lang=fr").with(helpdesk))
                .andExpect(content().string(allOf(containsString("Ajouter un autre utilisateur"),
                        containsString("Microsoft 365 E3 (1 disponibles)"))));
        mvc.perform(get(base + "/deleted?lang=zh_CN").with(helpdesk))
                .andExpect(content().string(containsString("已删除的用户 (1)")));
    }

    @Test
    void anotherCustomersAdministratorFindsNoneOfThesePages() throws Exception {
        TestCustomerUsers.Tenant own = customerUsers.tenant(1);
        TestCustomerUsers.Tenant other = customerUsers.tenant(1);
        Member admin = customerUsers.create(own, DirectoryRole.GLOBAL_ADMIN);
        Member stranger = customerUsers.create(other, DirectoryRole.NONE);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(admin.userName())
                .password(TestCustomerUsers.PASSWORD)).andReturn().getRequest().getSession(false);
        String otherBase = "/customers/" + other.id() + "/users";
        for (String page : List.of(otherBase + "/new", otherBase + "/import", otherBase + "/import/template",
                otherBase + "/deleted", otherBase + "/" + stranger.id(),
                "/customers/" + own.id() + "/users/" + stranger.id(),
                "/customers/" + own.id() + "/users/" + stranger.id() + "/reset-password")) {
            mvc.perform(get(page).session(session)).andExpect(status().isNotFound());
        }
        // Its own customer's pages are there
        mvc.perform(get("/customers/" + own.id() + "/users/new").session(session)).andExpect(status().isOk());
        mvc.perform(get("/customers/" + own.id() + "/users/deleted").session(session)).andExpect(status().isOk());
    }
}
