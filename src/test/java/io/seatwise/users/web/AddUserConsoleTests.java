package io.seatwise.users.web;

import io.seatwise.access.Role;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.ConsoleTestSupport;
import io.seatwise.support.H2Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Add user in the console: the form, its errors next to the fields, Add another user, the confirmation page. */
@H2Test
class AddUserConsoleTests extends ConsoleTestSupport {

    Tenant t;
    RequestPostProcessor helpdesk;
    MockHttpSession session;

    @BeforeEach
    void givenACustomerWithOneE3Seat() {
        t = licensing.tenant("SE", E3, 1);
        helpdesk = fixtures.as(Role.HELPDESK);
        session = new MockHttpSession();
    }

    long users() {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE customer_id = ?").param(t.id().value())
                .query(Long.class).single();
    }

    @Test
    void theFormOffersTheDomainsTheCountryAndTheProductsWithTheirFreeSeats() throws Exception {
        mvc.perform(get("/customers/" + t.id() + "/users/new").with(helpdesk))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<option value=\"" + t.domain() + "\" selected"),
                        containsString("<option value=\"SE\" selected=\"selected\">Sweden</option>"),
                        containsString("Microsoft 365 E3 (1 available)"), containsString("Add another user"),
                        containsString("name=\"_csrf\""))));
    }

    @Test
    void badInputIsShownNextToTheFieldAndCreatesNobody() throws Exception {
        long before = users();
        mvc.perform(post("/customers/" + t.id() + "/users/new").with(helpdesk).with(csrf())
                        .param("firstName", "Ann").param("localPart", "not valid").param("domain", t.domain())
                        .param("usageLocation", "SE").param("directoryRole", "NONE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"localPart-error\""),
                        containsString("Enter the user name before the @"), containsString("value=\"Ann\""))));
        mvc.perform(post("/customers/" + t.id() + "/users/new").with(helpdesk).with(csrf())
                        .param("firstName", "x".repeat(51)).param("localPart", "ann").param("domain", t.domain())
                        .param("usageLocation", "SE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"firstName-error\""),
                        containsString("at most 50 characters"))));
        mvc.perform(post("/customers/" + t.id() + "/users/new").with(helpdesk).with(csrf())
                        .param("firstName", "Ann").param("localPart", "ann").param("domain", "elsewhere.example")
                        .param("usageLocation", "SE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose one of the customer’s domains.")));
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void addAnotherUserCollectsEveryNewUserOnOneConfirmationPage() throws Exception {
        String first = mvc.perform(post("/customers/" + t.id() + "/users/new").with(helpdesk).with(csrf())
                        .session(session).param("firstName", "Ann").param("lastName", "Lee")
                        .param("localPart", "ann").param("domain", t.domain()).param("usageLocation", "NO")
                        .param("licenses", E3.toString()).param("next", "another"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(first).startsWith("/customers/" + t.id() + "/users/new?sheet=");
        String sheet = first.substring(first.indexOf("sheet=") + 6);

        mvc.perform(get(first).with(helpdesk).session(session))
                .andExpect(content().string(allOf(containsString("Users added in this run: 1."),
                        containsString("name=\"sheet\" value=\"" + sheet + "\""))));
        mvc.perform(post("/customers/" + t.id() + "/users/new").with(helpdesk).with(csrf()).session(session)
                        .param("firstName", "Bo").param("localPart", "bo").param("domain", t.domain())
                        .param("licenses", E3.toString()).param("sheet", sheet).param("next", "done"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/customers/" + t.id() + "/users/sheets/" + sheet));

        mvc.perform(get("/customers/" + t.id() + "/users/sheets/" + sheet).with(helpdesk).session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("ann@" + t.domain()),
                        containsString("bo@" + t.domain()), containsString("User accounts created: 2."),
                        containsString("Assigned"), containsString("Not enough licenses available."),
                        containsString("href=\"/customers/" + t.id() + "/users\">Back to users</a>"),
                        containsString("href=\"/customers/" + t.id() + "/users/new\">Add user</a>"))));
        assertThat(jdbc.sql("SELECT usage_location FROM app_user WHERE customer_id = ? AND user_principal_name = ?")
                .param(t.id().value()).param("ann@" + t.domain()).query(String.class).single()).isEqualTo("NO");
        assertThat(jdbc.sql("SELECT usage_location FROM app_user WHERE customer_id = ? AND user_principal_name = ?")
                .param(t.id().value()).param("bo@" + t.domain()).query(String.class).single()).isEqualTo("SE");
    }

    @Test
    void emailToABadAddressIsAnErrorNextToTheField() throws Exception {
        String sheet = mvc.perform(post("/customers/" + t.id() + "/users/new").with(helpdesk).with(csrf())
                        .session(session).param("displayName", "Ann").param("localPart", "ann")
                        .param("domain", t.domain()))
                .andReturn().getResponse().getRedirectedUrl().replaceAll(".*/sheets/", "");
        mvc.perform(post("/customers/" + t.id() + "/users/sheets/" + sheet + "/email").with(helpdesk).with(csrf())
                        .session(session).param("to", "not an address"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"to-error\""),
                        containsString("Enter a valid email address."), containsString("ann@" + t.domain()))));

        // A second download goes back to the page, which says the file was downloaded
        String csv = mvc.perform(post("/customers/" + t.id() + "/users/sheets/" + sheet + "/csv").with(helpdesk)
                        .with(csrf()).session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("users.csv")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("ann@" + t.domain());
        mvc.perform(post("/customers/" + t.id() + "/users/sheets/" + sheet + "/csv").with(helpdesk).with(csrf())
                        .session(session))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/customers/" + t.id() + "/users/sheets/" + sheet));
        mvc.perform(get("/customers/" + t.id() + "/users/sheets/" + sheet).with(helpdesk).session(session))
                .andExpect(content().string(containsString("The CSV file was downloaded; it cannot be downloaded")));
    }

    @Test
    void anotherCustomersPagesAreNotFound() throws Exception {
        Tenant other = licensing.tenant("SE", E3, 1);
        RequestPostProcessor admin = fixtures.as(Role.ADMIN);
        String sheet = mvc.perform(post("/customers/" + other.id() + "/users/new").with(admin).with(csrf())
                        .param("displayName", "Ann").param("localPart", "ann").param("domain", other.domain()))
                .andReturn().getResponse().getRedirectedUrl().replaceAll(".*/sheets/", "");
        // Another agent's sheet, and a sheet under another customer, are not found.
        mvc.perform(get("/customers/" + other.id() + "/users/sheets/" + sheet).with(helpdesk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/customers/" + t.id() + "/users/sheets/" + sheet).with(admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/customers/" + t.id() + "/users/new").param("sheet", "not-a-guid").with(helpdesk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/customers/00000000-0000-7000-8000-000000000000/users/new").with(helpdesk))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Add another user"))));
    }
}
